resource "aws_s3_bucket" "customer_data" {
  bucket = "acme-customer-data"
}
