module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.8.1"
  name    = "main"
}

resource "aws_flow_log" "f" {
  vpc_id = module.vpc.vpc_id
}
