# Credit card applications, 2005 to 2019: names, addresses, incomes, credit
# scores, Social Security and bank account numbers.
resource "aws_s3_bucket" "applications" {
  bucket = "${local.name}-applications"
  tags   = local.tags
}

resource "aws_s3_bucket_server_side_encryption_configuration" "applications" {
  bucket = aws_s3_bucket.applications.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

# The archive has a public access block, but a partial one: a later bucket
# policy could still open it.
resource "aws_s3_bucket" "archive" {
  bucket = "${local.name}-applications-archive"
  tags   = local.tags
}

resource "aws_s3_bucket_public_access_block" "archive" {
  bucket                  = aws_s3_bucket.archive.id
  block_public_acls       = true
  block_public_policy     = false
  ignore_public_acls      = true
  restrict_public_buckets = false
}

resource "aws_s3_bucket_versioning" "archive" {
  bucket = aws_s3_bucket.archive.id
  versioning_configuration {
    status = "Enabled"
  }
}
