resource "aws_s3_bucket" "fine" {
  bucket = "still-loaded"
  acl    = local.missing
}

resource "aws_sqs_queue" "huge" {
  count = 10000000
  name  = "q"
}

resource "aws_sqs_queue" "bad_each" {
  for_each = ["a", "b"]
  name     = each.key
}

resource "aws_sns_topic" "t" {
  name = var.undeclared
}

resource "aws_sns_topic" "t" {
  name = "duplicate"
}

resource "aws_sqs_queue" "typo" {
  name = upper(1, 2)
}

module "loop" {
  source = "./modules/a"
}

module "gone" {
  source = "./modules/missing"
}
