resource "aws_s3_bucket" "private" {
  bucket = "acme-private"
}

resource "aws_s3_bucket_acl" "private" {
  bucket = aws_s3_bucket.private.id
  acl    = "private"
}

# A public ACL that the bucket's public access block makes S3 ignore.
resource "aws_s3_bucket" "neutralised" {
  bucket = "acme-neutralised"
}

resource "aws_s3_bucket_acl" "neutralised" {
  bucket = aws_s3_bucket.neutralised.id
  acl    = "public-read"
}

resource "aws_s3_bucket_public_access_block" "neutralised" {
  bucket                  = aws_s3_bucket.neutralised.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
