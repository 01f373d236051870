resource "google_compute_ssl_policy" "default" {
  name = "default-ssl"
}

resource "google_compute_ssl_policy" "legacy_clients" {
  name            = "legacy-clients"
  profile         = "MODERN"
  min_tls_version = "TLS_1_1"
}
