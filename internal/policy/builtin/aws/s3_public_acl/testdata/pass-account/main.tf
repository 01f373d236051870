# A legacy inline public ACL, neutralised by the account-level block of the
# same configuration.
resource "aws_s3_bucket" "legacy" {
  bucket = "acme-legacy"
  acl    = "authenticated-read"
}

resource "aws_s3_account_public_access_block" "account" {
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
