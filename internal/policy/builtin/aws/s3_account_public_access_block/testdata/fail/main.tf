variable "allow_public_policies" {
  type    = bool
  default = true
}

resource "aws_s3_account_public_access_block" "account" {
  block_public_acls       = true
  block_public_policy     = !var.allow_public_policies
  ignore_public_acls      = true
  restrict_public_buckets = !var.allow_public_policies
}
