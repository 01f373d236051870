resource "aws_sqs_queue" "b" {
  name = "b"
}

module "a" {
  source = "../a"
}
