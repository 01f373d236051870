# The web application firewall: a reverse proxy on EC2 in front of the
# credit card application site. A misconfiguration let a crafted request
# make it fetch any URL, including http://169.254.169.254/ (SSRF).
resource "aws_instance" "waf" {
  ami                         = "ami-0c55b159cbfafe1f0"
  instance_type               = "m5.large"
  subnet_id                   = aws_subnet.edge.id
  vpc_security_group_ids      = [aws_security_group.waf.id]
  associate_public_ip_address = true
  iam_instance_profile        = aws_iam_instance_profile.waf.name

  # IMDSv1 still answers: one GET to the metadata service returns the
  # role's temporary credentials to whoever controls the request.
  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "optional"
  }

  root_block_device {
    volume_size = 50
    encrypted   = true
  }

  tags = merge(local.tags, { Name = "${local.name}-waf" })
}

resource "aws_iam_role" "waf" {
  name = "${local.name}-WAF-Role"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "ec2.amazonaws.com" }
    }]
  })
  tags = local.tags
}

resource "aws_iam_instance_profile" "waf" {
  name = "${local.name}-waf"
  role = aws_iam_role.waf.name
}

# The firewall needed to read its own rule files; it was given every S3
# action on every bucket of the account.
resource "aws_iam_role_policy" "waf_s3" {
  name = "waf-s3"
  role = aws_iam_role.waf.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "WafRules"
      Effect   = "Allow"
      Action   = "s3:*"
      Resource = "*"
    }]
  })
}
