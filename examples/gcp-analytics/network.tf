resource "google_compute_network" "vpc" {
  name                    = "analytics"
  auto_create_subnetworks = false
}

resource "google_compute_subnetwork" "apps" {
  name          = "apps"
  ip_cidr_range = "10.10.0.0/20"
  region        = var.region
  network       = google_compute_network.vpc.id

  log_config {
    aggregation_interval = "INTERVAL_5_SEC"
    flow_sampling        = 1
    metadata             = "INCLUDE_ALL_METADATA"
  }
}

# Added in a hurry for a batch job: no flow logs.
resource "google_compute_subnetwork" "batch" {
  name          = "batch"
  ip_cidr_range = "10.20.0.0/20"
  region        = var.region
  network       = google_compute_network.vpc.id
}

resource "google_compute_firewall" "iap_ssh" {
  name          = "allow-iap-ssh"
  network       = google_compute_network.vpc.id
  source_ranges = ["35.235.240.0/20"]

  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
}

# "Temporary" access for a contractor's notebook to the warehouse VM.
resource "google_compute_firewall" "contractor" {
  name          = "allow-contractor"
  network       = google_compute_network.vpc.id
  target_tags   = ["warehouse"]
  source_ranges = ["0.0.0.0/0"]

  allow {
    protocol = "tcp"
    ports    = ["22", "5432"]
  }
}

resource "google_compute_firewall" "office_postgres" {
  name          = "allow-office-postgres"
  network       = google_compute_network.vpc.id
  target_tags   = ["warehouse"]
  source_ranges = [var.office_cidr]

  allow {
    protocol = "tcp"
    ports    = ["5432"]
  }
}
