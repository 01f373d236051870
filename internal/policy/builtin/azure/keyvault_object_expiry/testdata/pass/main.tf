variable "secret_expiry" {
  type = string
}

resource "time_offset" "year" {
  offset_years = 1
}

resource "azurerm_key_vault_key" "cmk" {
  name            = "storage-cmk"
  key_vault_id    = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/app/providers/Microsoft.KeyVault/vaults/contoso-kv"
  key_type        = "RSA"
  key_size        = 3072
  key_opts        = ["wrapKey", "unwrapKey"]
  expiration_date = time_offset.year.rfc3339

  rotation_policy {
    expire_after         = "P1Y"
    notify_before_expiry = "P30D"

    automatic {
      time_before_expiry = "P30D"
    }
  }
}

resource "azurerm_key_vault_secret" "api" {
  name            = "api-token"
  value           = "rotate-me"
  key_vault_id    = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/app/providers/Microsoft.KeyVault/vaults/contoso-kv"
  expiration_date = "2027-06-30T00:00:00Z"
}

# known only at deployment: undetermined, not a finding
resource "azurerm_key_vault_secret" "db" {
  name            = "db-password"
  value           = "rotate-me"
  key_vault_id    = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/app/providers/Microsoft.KeyVault/vaults/contoso-kv"
  expiration_date = var.secret_expiry
}
