resource "google_container_cluster" "flat" {
  name               = "apps"
  location           = "europe-west1"
  initial_node_count = 1
}

resource "google_container_cluster" "off" {
  name               = "jobs"
  location           = "europe-west1"
  initial_node_count = 1

  network_policy {
    enabled = false
  }
}
