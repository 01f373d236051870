resource "google_service_account" "ci" {
  account_id = "ci"
}

resource "google_project_iam_member" "ci" {
  project = "example-project"
  role    = "roles/editor"
  member  = "serviceAccount:${google_service_account.ci.email}"
}

resource "google_organization_iam_member" "etl" {
  org_id = "123456789012"
  role   = "roles/storage.admin"
  member = "serviceAccount:etl@example-project.iam.gserviceaccount.com"
}
