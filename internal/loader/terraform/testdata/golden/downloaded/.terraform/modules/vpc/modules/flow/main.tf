variable "vpc_id" {}

resource "aws_cloudwatch_log_group" "flow" {
  name = "flow-${var.vpc_id}"
}
