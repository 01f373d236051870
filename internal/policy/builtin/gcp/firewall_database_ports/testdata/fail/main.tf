resource "google_compute_firewall" "postgres" {
  name          = "allow-postgres"
  network       = "default"
  source_ranges = ["0.0.0.0/0"]

  allow {
    protocol = "tcp"
    ports    = ["5432"]
  }
}

resource "google_compute_firewall" "data" {
  name          = "allow-data"
  network       = "default"
  target_tags   = ["data"]
  source_ranges = ["10.0.0.0/8", "0.0.0.0/0"]

  allow {
    protocol = "tcp"
    ports    = ["6379", "9200", "27017"]
  }
}
