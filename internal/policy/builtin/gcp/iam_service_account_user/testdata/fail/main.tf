resource "google_project_iam_member" "deployer" {
  project = "example-project"
  role    = "roles/iam.serviceAccountUser"
  member  = "user:dev@example.com"
}

resource "google_project_iam_binding" "token_creators" {
  project = "example-project"
  role    = "roles/iam.serviceAccountTokenCreator"
  members = ["group:platform@example.com"]
}
