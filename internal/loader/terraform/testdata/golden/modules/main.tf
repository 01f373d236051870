module "net" {
  source = "./modules/net"
  cidr   = "10.1.0.0/16"
  name   = "prod"
}

module "buckets" {
  source   = "./modules/bucket"
  for_each = toset(["a", "b"])
  name     = "bucket-${each.key}"
}

module "counted" {
  source = "./modules/bucket"
  count  = 1
  name   = "counted"
}

module "remote" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.0.0"
}

resource "aws_security_group_rule" "extra" {
  type              = "ingress"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = [module.net.cidr]
  security_group_id = module.net.sg_id
}

resource "aws_s3_bucket_policy" "p" {
  bucket = module.buckets["a"].id
  policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "*" }] })
}

resource "aws_instance" "uses_remote" {
  ami       = "ami-1"
  subnet_id = module.remote.private_subnets[0]
}
