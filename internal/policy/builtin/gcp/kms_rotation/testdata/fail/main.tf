resource "google_kms_key_ring" "ring" {
  name     = "app"
  location = "europe-west1"
}

resource "google_kms_crypto_key" "never" {
  name     = "never"
  key_ring = google_kms_key_ring.ring.id
}

resource "google_kms_crypto_key" "yearly" {
  name            = "yearly"
  key_ring        = google_kms_key_ring.ring.id
  rotation_period = "31536000s"
}
