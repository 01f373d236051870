resource "google_project_iam_member" "terraform" {
  project = "example-project"
  role    = "roles/owner"
  member  = "serviceAccount:terraform@example-project.iam.gserviceaccount.com"
}
