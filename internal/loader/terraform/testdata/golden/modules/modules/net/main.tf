variable "cidr" {
  type = string
}

variable "name" {
  type = string
}

resource "aws_vpc" "this" {
  cidr_block = var.cidr
  tags = {
    Name = var.name
  }
}

resource "aws_security_group" "web" {
  name   = "${var.name}-web"
  vpc_id = aws_vpc.this.id

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = [aws_vpc.this.cidr_block]
  }
}

module "subnet" {
  source = "./modules/subnet"
  vpc_id = aws_vpc.this.id
  cidr   = cidrsubnet(var.cidr, 8, 1)
}

output "sg_id" {
  value = aws_security_group.web.id
}

output "cidr" {
  value = aws_vpc.this.cidr_block
}
