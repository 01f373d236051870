resource "google_service_account" "nodes" {
  account_id   = "gke-nodes"
  display_name = "GKE nodes"
}

resource "google_container_cluster" "apps" {
  name                     = "apps"
  location                 = "europe-west1"
  initial_node_count       = 1
  remove_default_node_pool = true
}

resource "google_container_node_pool" "apps" {
  name     = "apps"
  cluster  = google_container_cluster.apps.id
  location = "europe-west1"

  node_config {
    machine_type    = "e2-standard-4"
    service_account = google_service_account.nodes.email
  }
}

resource "google_container_cluster" "small" {
  name               = "small"
  location           = "europe-west1"
  initial_node_count = 1

  node_config {
    service_account = "gke-small@example-project.iam.gserviceaccount.com"
  }
}

resource "google_container_cluster" "autopilot" {
  name             = "web"
  location         = "europe-west1"
  enable_autopilot = true
}
