resource "google_container_cluster" "default" {
  name               = "apps"
  location           = "europe-west1"
  initial_node_count = 1
}

resource "google_container_cluster" "explicit" {
  name               = "jobs"
  location           = "europe-west1"
  initial_node_count = 1
  enable_legacy_abac = false
}
