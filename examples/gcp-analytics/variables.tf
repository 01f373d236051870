variable "project_id" {
  type    = string
  default = "example-analytics"
}

variable "region" {
  type    = string
  default = "europe-west1"
}

# The office range is set per environment (terraform.tfvars is not
# committed): onus cannot know it, and what rests on it is undetermined.
variable "office_cidr" {
  type = string
}
