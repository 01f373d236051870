variable "buckets" {
  type    = map(string)
  default = { eu = "eu-west-1", us = "us-east-1" }
}

variable "names" {
  type    = set(string)
  default = ["alpha", "beta"]
}

locals {
  replicas = 2
  ports    = [22, 443]
}

resource "aws_s3_bucket" "logs" {
  count  = local.replicas
  bucket = "logs-${count.index}"
}

resource "aws_s3_bucket" "regional" {
  for_each = var.buckets
  bucket   = "data-${each.key}"
  tags = {
    Region = each.value
  }
}

resource "aws_sqs_queue" "q" {
  for_each = var.names
  name     = "queue-${each.value}"
}

resource "aws_s3_bucket" "none" {
  count  = 0
  bucket = "never"
}

resource "aws_security_group" "web" {
  name = "web"

  dynamic "ingress" {
    for_each = local.ports
    iterator = port
    content {
      from_port   = port.value
      to_port     = port.value
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }

  ingress {
    from_port   = 80
    to_port     = 80
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_instance" "odd" {
  for_each = { "a.b" = 1, "with \"quote\"" = 2 }
  ami      = "ami-123"
  metadata_options {
    http_tokens = each.value == 1 ? "required" : "optional"
  }
}
