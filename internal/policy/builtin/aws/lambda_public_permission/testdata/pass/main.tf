resource "aws_lambda_permission" "from_bucket" {
  statement_id   = "AllowFromUploads"
  action         = "lambda:InvokeFunction"
  function_name  = "thumbnailer"
  principal      = "s3.amazonaws.com"
  source_arn     = "arn:aws:s3:::acme-uploads"
  source_account = "111122223333"
}
