variable "log_bucket" {
  type = string
}

# AWS provider v3 style, inline.
resource "aws_s3_bucket" "legacy" {
  bucket = "acme-legacy"
  logging {
    target_bucket = var.log_bucket
    target_prefix = "legacy/"
  }
}
