resource "aws_sqs_queue" "a" {
  name = "a"
}

module "b" {
  source = "../b"
}
