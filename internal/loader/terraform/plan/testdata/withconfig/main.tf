resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs"
}

resource "aws_s3_bucket_public_access_block" "logs" {
  bucket                  = aws_s3_bucket.logs.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# onus:ignore ACME-EC2-001 the build agents are replaced daily
resource "aws_instance" "web" {
  count         = 2
  ami           = "ami-0abc"
  instance_type = "t3.micro"
  subnet_id     = module.net.subnet_id
  metadata_options {
    http_tokens = "optional"
  }
  tags = {
    Name = "web-${count.index}"
  }
}

module "net" {
  source = "./modules/net"
  cidr   = "10.0.0.0/16"
}
