resource "google_storage_bucket" "default" {
  name                        = "example-default"
  location                    = "EU"
  uniform_bucket_level_access = true
}

resource "google_storage_bucket" "inherited" {
  name                        = "example-inherited"
  location                    = "EU"
  uniform_bucket_level_access = true
  public_access_prevention    = "inherited"
}
