variable "from_default" {
  default = "default"
}

variable "from_tfvars" {
  default = "default"
}

variable "from_auto" {
  default = "default"
}

variable "from_env" {
  default = "default"
}

variable "ports" {
  type = list(number)
}

variable "settings" {
  type = object({
    name    = string
    public  = optional(bool, false)
    retries = optional(number)
  })
}

resource "terraform_data" "v" {
  input = {
    from_default = var.from_default
    from_tfvars  = var.from_tfvars
    from_auto    = var.from_auto
    from_env     = var.from_env
    ports        = var.ports
    settings     = var.settings
    workspace    = terraform.workspace
    module_path  = path.module
  }
}
