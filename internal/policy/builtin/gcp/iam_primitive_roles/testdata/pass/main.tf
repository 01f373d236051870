resource "google_project_iam_member" "compute" {
  project = "example-project"
  role    = "roles/compute.admin"
  member  = "group:platform@example.com"
}

resource "google_project_iam_binding" "viewers" {
  project = "example-project"
  role    = "roles/viewer"
  members = ["group:everyone@example.com"]
}

resource "google_project_iam_policy" "project" {
  project = "example-project"
  policy_data = jsonencode({
    bindings = [{
      role    = "roles/storage.objectViewer"
      members = ["group:analysts@example.com"]
    }]
  })
}

# A service account with a basic role is ONUS-GCP-035's.
resource "google_project_iam_member" "ci" {
  project = "example-project"
  role    = "roles/editor"
  member  = "serviceAccount:ci@example-project.iam.gserviceaccount.com"
}
