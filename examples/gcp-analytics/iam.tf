resource "google_project_iam_member" "etl_bigquery" {
  project = var.project_id
  role    = "roles/bigquery.dataEditor"
  member  = "serviceAccount:${google_service_account.etl.email}"
}

# Granted on day one "until the roles are sorted out".
resource "google_project_iam_member" "lead_owner" {
  project = var.project_id
  role    = "roles/owner"
  member  = "user:data-lead@example.com"
}
