locals {
  buckets = toset(["raw", "curated"])
}

resource "aws_s3_bucket" "lake" {
  for_each = local.buckets
  bucket   = "acme-lake-${each.key}"
}

resource "aws_s3_bucket_public_access_block" "lake" {
  for_each                = local.buckets
  bucket                  = aws_s3_bucket.lake[each.key].id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
