resource "google_service_account" "etl" {
  account_id   = "etl"
  display_name = "ETL jobs"
}

resource "google_compute_project_metadata" "project" {
  metadata = {
    enable-oslogin = "TRUE"
  }
}

resource "google_compute_instance" "warehouse" {
  name         = "warehouse"
  machine_type = "e2-standard-4"
  zone         = "europe-west1-b"
  tags         = ["warehouse"]

  boot_disk {
    initialize_params {
      image = "debian-cloud/debian-12"
    }
  }

  network_interface {
    subnetwork = google_compute_subnetwork.apps.id

    access_config {}
  }

  metadata = {
    block-project-ssh-keys = "TRUE"
  }

  service_account {
    scopes = ["cloud-platform"]
  }
}

resource "google_compute_instance" "etl" {
  name         = "etl"
  machine_type = "e2-standard-2"
  zone         = "europe-west1-b"

  boot_disk {
    initialize_params {
      image = "debian-cloud/debian-12"
    }
  }

  network_interface {
    subnetwork = google_compute_subnetwork.batch.id
  }

  metadata = {
    block-project-ssh-keys = "TRUE"
  }

  service_account {
    email  = google_service_account.etl.email
    scopes = ["cloud-platform"]
  }
}
