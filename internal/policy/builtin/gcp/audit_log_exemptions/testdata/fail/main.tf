resource "google_project_iam_audit_config" "all" {
  project = "example-project"
  service = "allServices"

  audit_log_config {
    log_type = "ADMIN_READ"
  }

  audit_log_config {
    log_type         = "DATA_READ"
    exempted_members = ["user:data-lead@example.com"]
  }
}
