# onus:ignore ONUS-AWS-001 the website bucket is public on purpose
resource "aws_s3_bucket" "site" {
  bucket = "www.example.com"
}

# an ordinary comment
# onus:ignore ONUS-AWS-002,ONUS-AWS-003 exp:2030-01-01 reviewed
# another ordinary comment
resource "aws_s3_bucket" "two" {
  bucket = "two"
}

resource "aws_s3_bucket" "inline" {
  bucket = "inline"
  acl    = "public-read" // onus:ignore ONUS-AWS-004 legacy
}

# onus:ignore ONUS-AWS-005 not directly above

resource "aws_s3_bucket" "none" {
  bucket = "none"
}
