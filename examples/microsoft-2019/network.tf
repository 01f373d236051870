resource "azurerm_virtual_network" "support" {
  name                = "support-analytics-vnet"
  location            = azurerm_resource_group.support.location
  resource_group_name = azurerm_resource_group.support.name
  address_space       = ["10.40.0.0/16"]
}

resource "azurerm_subnet" "search" {
  name                 = "search"
  resource_group_name  = azurerm_resource_group.support.name
  virtual_network_name = azurerm_virtual_network.support.name
  address_prefixes     = ["10.40.1.0/24"]
}

# The security group of the search cluster. Before the change it admitted
# the cluster's HTTP API only from the corporate network.
resource "azurerm_network_security_group" "search" {
  name                = "support-search-nsg"
  location            = azurerm_resource_group.support.location
  resource_group_name = azurerm_resource_group.support.name

  security_rule {
    name                       = "elasticsearch-http"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "9200"
    source_address_prefix      = "Internet" # was the corporate range until 5 December 2019
    destination_address_prefix = "*"
  }

  security_rule {
    name                       = "ssh-from-corp"
    priority                   = 110
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "22"
    source_address_prefix      = "198.51.100.0/24"
    destination_address_prefix = "*"
  }
}

# The change of 5 December 2019: a rule added for the nodes' transport
# port, with the same open source.
resource "azurerm_network_security_rule" "transport" {
  name                        = "elasticsearch-transport"
  priority                    = 120
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "9300"
  source_address_prefix       = "*"
  destination_address_prefix  = "*"
  resource_group_name         = azurerm_resource_group.support.name
  network_security_group_name = azurerm_network_security_group.search.name
}

resource "azurerm_subnet_network_security_group_association" "search" {
  subnet_id                 = azurerm_subnet.search.id
  network_security_group_id = azurerm_network_security_group.search.id
}
