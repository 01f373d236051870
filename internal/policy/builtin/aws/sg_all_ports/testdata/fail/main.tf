resource "aws_security_group" "legacy" {
  name   = "legacy-allow-all"
  vpc_id = "vpc-0123456789abcdef0"

  ingress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_vpc_security_group_ingress_rule" "all_v6" {
  security_group_id = aws_security_group.legacy.id
  cidr_ipv6         = "::/0"
  ip_protocol       = "-1"
}
