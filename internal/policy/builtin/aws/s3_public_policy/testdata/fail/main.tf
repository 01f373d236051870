resource "aws_s3_bucket" "site" {
  bucket = "acme-site"
}

resource "aws_s3_bucket_policy" "site" {
  bucket = aws_s3_bucket.site.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "PublicRead"
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::acme-site/*"
    }]
  })
}

# Legacy inline policy, rendered from an aws_iam_policy_document.
resource "aws_s3_bucket" "downloads" {
  bucket = "acme-downloads"
  policy = data.aws_iam_policy_document.downloads.json
}

data "aws_iam_policy_document" "downloads" {
  statement {
    sid       = "Anyone"
    actions   = ["s3:GetObject", "s3:ListBucket"]
    resources = ["arn:aws:s3:::acme-downloads", "arn:aws:s3:::acme-downloads/*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "StringNotEquals"
      variable = "aws:SourceVpce"
      values   = ["vpce-0123456789abcdef0"]
    }
  }
}
