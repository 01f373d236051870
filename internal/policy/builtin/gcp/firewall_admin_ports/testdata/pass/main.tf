variable "admin_ranges" {
  type    = list(string)
  default = ["203.0.113.0/24"]
}

resource "google_compute_network" "vpc" {
  name                    = "example"
  auto_create_subnetworks = false
}

resource "google_compute_firewall" "iap_ssh" {
  name          = "allow-iap-ssh"
  network       = google_compute_network.vpc.id
  source_ranges = ["35.235.240.0/20"]

  allow {
    protocol = "tcp"
    ports    = ["22", "3389"]
  }
}

resource "google_compute_firewall" "admin" {
  name          = "allow-admin"
  network       = google_compute_network.vpc.id
  source_ranges = var.admin_ranges

  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
}

resource "google_compute_firewall" "web" {
  name          = "allow-web"
  network       = google_compute_network.vpc.id
  source_ranges = ["0.0.0.0/0"]

  allow {
    protocol = "tcp"
    ports    = ["80", "443"]
  }
}

resource "google_compute_firewall" "bastion" {
  name        = "allow-bastion-ssh"
  network     = google_compute_network.vpc.id
  source_tags = ["bastion"]

  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
}

resource "google_compute_firewall" "ssh_out" {
  name               = "allow-ssh-out"
  network            = google_compute_network.vpc.id
  direction          = "EGRESS"
  destination_ranges = ["0.0.0.0/0"]

  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
}

resource "google_compute_firewall" "off" {
  name          = "allow-ssh-disabled"
  network       = google_compute_network.vpc.id
  source_ranges = ["0.0.0.0/0"]
  disabled      = true

  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
}
