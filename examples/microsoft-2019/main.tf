# The customer-support case analytics of December 2019, as Terraform
# (names and values are illustrative): five Elasticsearch servers on Azure
# virtual machines, each holding the same copy of the support records,
# behind one network security group.

terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 3.80"
    }
  }
}

provider "azurerm" {
  features {}
}

variable "location" {
  type    = string
  default = "westus2"
}

variable "admin_ssh_public_key" {
  type    = string
  default = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExampleKeyOnlyForTheOnusExampleEstate support-analytics"
}

resource "azurerm_resource_group" "support" {
  name     = "support-analytics-rg"
  location = var.location
  tags     = { team = "support-analytics" }
}
