variable "allow_passwords" {
  type = bool
}

resource "azurerm_linux_virtual_machine" "jump" {
  name                  = "jump"
  resource_group_name   = "ops"
  location              = "westeurope"
  size                  = "Standard_B2s"
  admin_username        = "ops"
  network_interface_ids = ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ops/providers/Microsoft.Network/networkInterfaces/jump"]

  admin_ssh_key {
    username   = "ops"
    public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKpZ4GYDj5zq8U7kXG1Y2pN1m7yQ5z3b0aG2c8dVd4xT ops"
  }

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
  }

  source_image_reference {
    publisher = "Canonical"
    offer     = "ubuntu-24_04-lts"
    sku       = "server"
    version   = "latest"
  }
}

resource "azurerm_virtual_machine" "windows" {
  name                  = "windows"
  resource_group_name   = "ops"
  location              = "westeurope"
  vm_size               = "Standard_B2s"
  network_interface_ids = ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ops/providers/Microsoft.Network/networkInterfaces/windows"]

  storage_os_disk {
    name          = "windows-os"
    create_option = "FromImage"
  }

  os_profile {
    computer_name  = "windows"
    admin_username = "ops"
    admin_password = "Rotated-By-Policy-1"
  }

  os_profile_windows_config {
    provision_vm_agent = true
  }
}

# known only at deployment: undetermined, not a finding
resource "azurerm_linux_virtual_machine_scale_set" "workers" {
  name                            = "workers"
  resource_group_name             = "ops"
  location                        = "westeurope"
  sku                             = "Standard_D2s_v5"
  instances                       = 2
  admin_username                  = "ops"
  disable_password_authentication = var.allow_passwords

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
  }

  source_image_reference {
    publisher = "Canonical"
    offer     = "ubuntu-24_04-lts"
    sku       = "server"
    version   = "latest"
  }

  network_interface {
    name    = "nic"
    primary = true

    ip_configuration {
      name      = "internal"
      primary   = true
      subnet_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ops/providers/Microsoft.Network/virtualNetworks/ops/subnets/workers"
    }
  }
}
