resource "google_container_cluster" "public" {
  name               = "apps"
  location           = "europe-west1"
  initial_node_count = 1
}

resource "google_container_cluster" "off" {
  name               = "jobs"
  location           = "europe-west1"
  initial_node_count = 1

  private_cluster_config {
    enable_private_nodes    = false
    enable_private_endpoint = false
  }
}
