variable "allowed" {
  type = list(string)
}

variable "region" {
  default = "eu-west-1"
}

data "aws_ami" "ubuntu" {
  most_recent = true
}

data "aws_vpc" "main" {
  default = true
}

resource "aws_instance" "web" {
  ami           = data.aws_ami.ubuntu.id
  instance_type = "t3.micro"
  metadata_options {
    http_tokens = var.token_mode
  }
  tags = {
    Name   = "web"
    Region = var.region
    Vpc    = data.aws_vpc.main.id
  }
}

variable "token_mode" {
  type = string
}

resource "aws_security_group" "app" {
  vpc_id = data.aws_vpc.main.id
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = var.allowed
  }
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8", var.allowed[0]]
  }
  dynamic "egress" {
    for_each = var.allowed
    content {
      cidr_blocks = [egress.value]
    }
  }
}

resource "aws_s3_bucket" "b" {
  bucket = "acme-${data.aws_vpc.main.id}"
}

resource "aws_s3_bucket_acl" "b" {
  bucket = aws_s3_bucket.b.id
  acl    = "private"
}

resource "aws_db_instance" "db" {
  count               = var.region == "eu-west-1" ? 1 : 0
  publicly_accessible = false
  storage_encrypted   = true
  password            = var.password
  created             = timestamp()
}

variable "password" {
  type      = string
  sensitive = true
}
