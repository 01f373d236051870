variable "encrypt_volumes" {
  type    = bool
  default = false
}

resource "aws_ebs_encryption_by_default" "this" {
  enabled = var.encrypt_volumes
}
