resource "google_compute_firewall" "any" {
  name          = "allow-all"
  network       = "default"
  source_ranges = ["0.0.0.0/0"]

  allow {
    protocol = "all"
  }
}

resource "google_compute_firewall" "tcp" {
  name    = "allow-all-tcp"
  network = "default"

  allow {
    protocol = "tcp"
  }
}
