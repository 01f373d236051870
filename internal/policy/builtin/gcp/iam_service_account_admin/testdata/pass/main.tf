resource "google_service_account" "app" {
  account_id = "app"
}

resource "google_project_iam_member" "app" {
  project = "example-project"
  role    = "roles/cloudsql.client"
  member  = "serviceAccount:${google_service_account.app.email}"
}

resource "google_project_iam_member" "owner" {
  project = "example-project"
  role    = "roles/owner"
  member  = "group:platform-admins@example.com"
}
