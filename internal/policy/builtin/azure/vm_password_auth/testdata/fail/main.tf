resource "azurerm_linux_virtual_machine" "jump" {
  name                            = "jump"
  resource_group_name             = "ops"
  location                        = "westeurope"
  size                            = "Standard_B2s"
  admin_username                  = "ops"
  admin_password                  = "Use-A-Key-Instead-1"
  disable_password_authentication = false
  network_interface_ids           = ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ops/providers/Microsoft.Network/networkInterfaces/jump"]

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

resource "azurerm_virtual_machine" "legacy" {
  name                  = "legacy"
  resource_group_name   = "ops"
  location              = "westeurope"
  vm_size               = "Standard_B2s"
  network_interface_ids = ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ops/providers/Microsoft.Network/networkInterfaces/legacy"]

  storage_os_disk {
    name          = "legacy-os"
    create_option = "FromImage"
  }

  os_profile {
    computer_name  = "legacy"
    admin_username = "ops"
    admin_password = "Use-A-Key-Instead-1"
  }

  os_profile_linux_config {
    disable_password_authentication = false
  }
}
