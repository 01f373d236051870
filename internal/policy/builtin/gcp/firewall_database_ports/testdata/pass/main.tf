variable "app_ranges" {
  type = list(string)
}

resource "google_compute_firewall" "postgres" {
  name          = "allow-postgres-from-app"
  network       = "default"
  source_ranges = ["10.10.0.0/16"]

  allow {
    protocol = "tcp"
    ports    = ["5432"]
  }
}

# source_tags without source_ranges: only instances with the tag.
resource "google_compute_firewall" "redis" {
  name        = "allow-redis-from-app"
  network     = "default"
  source_tags = ["app"]

  allow {
    protocol = "tcp"
    ports    = ["6379"]
  }
}

# Ranges from a variable without a value: undetermined, not a finding.
resource "google_compute_firewall" "mysql" {
  name          = "allow-mysql"
  network       = "default"
  source_ranges = var.app_ranges

  allow {
    protocol = "tcp"
    ports    = ["3306"]
  }
}
