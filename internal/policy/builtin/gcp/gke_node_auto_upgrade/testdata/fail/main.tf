resource "google_container_node_pool" "pinned" {
  name     = "pinned"
  cluster  = "projects/example/locations/europe-west1/clusters/apps"
  location = "europe-west1"

  management {
    auto_repair  = true
    auto_upgrade = false
  }
}
