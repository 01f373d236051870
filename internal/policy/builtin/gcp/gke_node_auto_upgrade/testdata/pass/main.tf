resource "google_container_node_pool" "default" {
  name     = "default"
  cluster  = "projects/example/locations/europe-west1/clusters/apps"
  location = "europe-west1"
}

resource "google_container_node_pool" "explicit" {
  name     = "explicit"
  cluster  = "projects/example/locations/europe-west1/clusters/apps"
  location = "europe-west1"

  management {
    auto_repair  = true
    auto_upgrade = true
  }
}
