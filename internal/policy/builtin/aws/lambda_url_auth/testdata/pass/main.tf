resource "aws_lambda_function_url" "hook" {
  function_name      = "webhook"
  authorization_type = "AWS_IAM"
}
