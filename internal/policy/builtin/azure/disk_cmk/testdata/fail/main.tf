resource "azurerm_managed_disk" "data" {
  name                 = "db-data"
  location             = "westeurope"
  resource_group_name  = "db"
  storage_account_type = "Premium_LRS"
  create_option        = "Empty"
  disk_size_gb         = 512
}

resource "azurerm_linux_virtual_machine" "db" {
  name                  = "db"
  resource_group_name   = "db"
  location              = "westeurope"
  size                  = "Standard_E4s_v5"
  admin_username        = "ops"
  network_interface_ids = ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/db/providers/Microsoft.Network/networkInterfaces/db"]

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
