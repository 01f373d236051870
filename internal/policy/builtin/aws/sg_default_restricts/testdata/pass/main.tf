resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

# No rules: the default group allows nothing.
resource "aws_default_security_group" "default" {
  vpc_id = aws_vpc.main.id
}
