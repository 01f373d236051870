# Five Elasticsearch servers, one per cluster, each with a public address.
# Elasticsearch of that time served its API without authentication unless
# its security features were turned on; this configuration turns them off.

resource "azurerm_public_ip" "search" {
  count               = 5
  name                = "support-search-${count.index}-ip"
  location            = azurerm_resource_group.support.location
  resource_group_name = azurerm_resource_group.support.name
  allocation_method   = "Static"
  sku                 = "Standard"
}

resource "azurerm_network_interface" "search" {
  count               = 5
  name                = "support-search-${count.index}-nic"
  location            = azurerm_resource_group.support.location
  resource_group_name = azurerm_resource_group.support.name

  ip_configuration {
    name                          = "primary"
    subnet_id                     = azurerm_subnet.search.id
    private_ip_address_allocation = "Dynamic"
    public_ip_address_id          = azurerm_public_ip.search[count.index].id
  }
}

resource "azurerm_linux_virtual_machine" "search" {
  count                 = 5
  name                  = "support-search-${count.index}"
  location              = azurerm_resource_group.support.location
  resource_group_name   = azurerm_resource_group.support.name
  size                  = "Standard_E8s_v3"
  admin_username        = "searchadmin"
  network_interface_ids = [azurerm_network_interface.search[count.index].id]

  admin_ssh_key {
    username   = "searchadmin"
    public_key = var.admin_ssh_public_key
  }

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
  }

  source_image_reference {
    publisher = "Canonical"
    offer     = "UbuntuServer"
    sku       = "18.04-LTS"
    version   = "latest"
  }

  custom_data = base64encode(<<-EOT
    #cloud-config
    packages: [openjdk-11-jre-headless]
    runcmd:
      - [sh, -c, "apt-get install -y elasticsearch && systemctl enable --now elasticsearch"]
    write_files:
      - path: /etc/elasticsearch/elasticsearch.yml
        content: |
          cluster.name: support-case-analytics
          network.host: 0.0.0.0
          xpack.security.enabled: false
    EOT
  )
}
