resource "aws_s3_bucket" "none" {
  bucket = "overridden"
  force_destroy = true
}
