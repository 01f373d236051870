resource "google_compute_network" "vpc" {
  name                    = "example"
  auto_create_subnetworks = false
}

resource "google_compute_firewall" "ssh" {
  name          = "allow-ssh"
  network       = google_compute_network.vpc.id
  source_ranges = ["0.0.0.0/0"]

  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
}

resource "google_compute_firewall" "rdp" {
  name          = "allow-rdp"
  network       = google_compute_network.vpc.id
  direction     = "INGRESS"
  target_tags   = ["windows"]
  source_ranges = ["10.0.0.0/8", "::/0"]

  allow {
    protocol = "tcp"
    ports    = ["3380-3390"]
  }
}

# No source at all: Google Cloud applies the rule to 0.0.0.0/0.
resource "google_compute_firewall" "no_source" {
  name    = "allow-ssh-anywhere"
  network = google_compute_network.vpc.id

  allow {
    protocol = "tcp"
    ports    = ["22", "443"]
  }
}
