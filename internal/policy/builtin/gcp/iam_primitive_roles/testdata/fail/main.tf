resource "google_project_iam_member" "owner" {
  project = "example-project"
  role    = "roles/owner"
  member  = "user:alice@example.com"
}

resource "google_project_iam_binding" "editors" {
  project = "example-project"
  role    = "roles/editor"
  members = [
    "group:developers@example.com",
  ]
}

resource "google_organization_iam_member" "ci" {
  org_id = "123456789012"
  role   = "roles/editor"
  member = "serviceAccount:ci@example-project.iam.gserviceaccount.com"
}
