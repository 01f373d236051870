variable "project_id" {
  type = string
}

resource "google_container_cluster" "apps" {
  name               = "apps"
  location           = "europe-west1"
  initial_node_count = 1

  workload_identity_config {
    workload_pool = "example-project.svc.id.goog"
  }
}

resource "google_container_cluster" "autopilot" {
  name             = "web"
  location         = "europe-west1"
  enable_autopilot = true
}

# The pool comes from a variable without a value: undetermined.
resource "google_container_cluster" "jobs" {
  name               = "jobs"
  location           = "europe-west1"
  initial_node_count = 1

  workload_identity_config {
    workload_pool = "${var.project_id}.svc.id.goog"
  }
}
