variable "vpc_id" {
  type = string
}

variable "rules" {
  type = list(object({
    port = number
    cidr = optional(string, "0.0.0.0/0")
  }))
}

resource "aws_security_group" "this" {
  vpc_id = var.vpc_id
}

resource "aws_vpc_security_group_ingress_rule" "r" {
  count             = length(var.rules)
  security_group_id = aws_security_group.this.id
  from_port         = var.rules[count.index].port
  to_port           = var.rules[count.index].port
  cidr_ipv4         = var.rules[count.index].cidr
  ip_protocol       = "tcp"
}
