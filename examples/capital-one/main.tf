# A reconstruction of the estate behind the 2019 Capital One breach, from
# the public record (the indictment, the OCC consent order and the post-
# mortems that followed): a web application firewall on EC2 that an
# attacker could make issue requests on its behalf (SSRF), the instance
# metadata service answering those requests with the instance role's
# credentials (IMDSv1), a role allowed to list and read every bucket, and
# buckets that nothing kept private. Names and values are illustrative.

terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = var.region
}

variable "region" {
  type    = string
  default = "us-east-1"
}

variable "environment" {
  type    = string
  default = "prod"
}

locals {
  name = "cardapps-${var.environment}"
  tags = {
    Application = "credit-card-applications"
    Environment = var.environment
  }
}
