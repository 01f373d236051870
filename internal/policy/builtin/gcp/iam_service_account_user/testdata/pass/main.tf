resource "google_service_account" "deployer" {
  account_id = "deployer"
}

resource "google_service_account_iam_member" "deployer" {
  service_account_id = google_service_account.deployer.name
  role               = "roles/iam.serviceAccountUser"
  member             = "user:dev@example.com"
}

resource "google_project_iam_member" "viewer" {
  project = "example-project"
  role    = "roles/viewer"
  member  = "user:dev@example.com"
}
