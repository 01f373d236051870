resource "google_compute_instance" "web" {
  name         = "web"
  machine_type = "e2-small"
  zone         = "europe-west1-b"

  boot_disk {
    initialize_params {
      image = "debian-cloud/debian-12"
    }
  }

  network_interface {
    network = "default"
  }

  metadata = {
    serial-port-enable = "FALSE"
    enable-oslogin     = "TRUE"
  }
}

resource "google_compute_project_metadata" "project" {
  metadata = {
    enable-oslogin = "TRUE"
  }
}
