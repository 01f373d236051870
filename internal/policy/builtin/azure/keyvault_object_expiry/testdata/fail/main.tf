resource "azurerm_key_vault_key" "cmk" {
  name         = "storage-cmk"
  key_vault_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/app/providers/Microsoft.KeyVault/vaults/contoso-kv"
  key_type     = "RSA"
  key_size     = 3072
  key_opts     = ["wrapKey", "unwrapKey"]
}

resource "azurerm_key_vault_secret" "db" {
  name         = "db-password"
  value        = "rotate-me"
  key_vault_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/app/providers/Microsoft.KeyVault/vaults/contoso-kv"
}
