variable "create" {
  type    = bool
  default = true
}

variable "azs" {
  default = ["eu-west-1a", "eu-west-1b"]
}

variable "rules" {
  type = map(object({
    port    = number
    cidrs   = optional(list(string), ["10.0.0.0/8"])
    enabled = optional(bool, true)
  }))
  default = {
    ssh   = { port = 22, cidrs = ["0.0.0.0/0"] }
    https = { port = 443 }
    old   = { port = 21, enabled = false }
  }
}

locals {
  tags = merge({ ManagedBy = "terraform" }, { Env = "prod" })
  enabled_rules = { for k, v in var.rules : k => v if v.enabled }
}

resource "aws_vpc" "this" {
  count      = var.create ? 1 : 0
  cidr_block = "10.0.0.0/16"
  tags       = local.tags
}

resource "aws_subnet" "private" {
  count             = length(var.azs)
  vpc_id            = aws_vpc.this[0].id
  availability_zone = element(var.azs, count.index)
  cidr_block        = cidrsubnet(one(aws_vpc.this[*].cidr_block), 8, count.index)
  tags              = merge(local.tags, { Name = "private-${var.azs[count.index]}" })
}

resource "aws_security_group" "this" {
  count  = var.create ? 1 : 0
  name   = "app"
  vpc_id = try(aws_vpc.this[0].id, "")

  dynamic "ingress" {
    for_each = local.enabled_rules
    content {
      description = ingress.key
      from_port   = ingress.value.port
      to_port     = lookup(ingress.value, "to_port", ingress.value.port)
      protocol    = "tcp"
      cidr_blocks = ingress.value.cidrs
    }
  }
}

resource "aws_security_group_rule" "per_rule" {
  for_each          = local.enabled_rules
  type              = "ingress"
  from_port         = each.value.port
  to_port           = each.value.port
  protocol          = "tcp"
  cidr_blocks       = each.value.cidrs
  security_group_id = aws_security_group.this[0].id
}

resource "aws_instance" "app" {
  count                  = 2
  ami                    = "ami-1"
  subnet_id              = element(aws_subnet.private[*].id, count.index)
  vpc_security_group_ids = concat(aws_security_group.this[*].id, [])
  metadata_options {
    http_tokens = count.index == 0 ? "required" : "optional"
  }
  root_block_device {
    encrypted = true
  }
}

module "extra_sg" {
  source   = "./modules/sg"
  for_each = toset(["a"])
  vpc_id   = one(aws_vpc.this[*].id)
  rules    = [{ port = 3389 }, { port = 5432, cidr = "10.1.0.0/16" }]
}
