resource "google_kms_key_ring" "ring" {
  name     = "app"
  location = "europe-west1"
}

resource "google_kms_crypto_key" "data" {
  name            = "data"
  key_ring        = google_kms_key_ring.ring.id
  rotation_period = "7776000s"
}

resource "google_kms_crypto_key_iam_member" "public" {
  crypto_key_id = google_kms_crypto_key.data.id
  role          = "roles/cloudkms.cryptoKeyDecrypter"
  member        = "allUsers"
}

resource "google_kms_key_ring_iam_binding" "viewers" {
  key_ring_id = google_kms_key_ring.ring.id
  role        = "roles/cloudkms.viewer"
  members     = ["allAuthenticatedUsers"]
}
