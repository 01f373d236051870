resource "google_storage_bucket" "legacy" {
  name     = "example-legacy"
  location = "EU"
}

resource "google_storage_bucket" "acls" {
  name                        = "example-acls"
  location                    = "EU"
  uniform_bucket_level_access = false
}
