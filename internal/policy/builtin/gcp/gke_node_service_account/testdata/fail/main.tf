resource "google_container_cluster" "apps" {
  name               = "apps"
  location           = "europe-west1"
  initial_node_count = 1
}

resource "google_container_cluster" "jobs" {
  name                     = "jobs"
  location                 = "europe-west1"
  initial_node_count       = 1
  remove_default_node_pool = true
}

resource "google_container_node_pool" "jobs" {
  name     = "jobs"
  cluster  = google_container_cluster.jobs.id
  location = "europe-west1"

  node_config {
    machine_type    = "e2-standard-4"
    service_account = "default"
  }
}
