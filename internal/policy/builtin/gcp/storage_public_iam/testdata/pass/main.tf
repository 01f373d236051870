resource "google_storage_bucket" "data" {
  name                        = "example-data"
  location                    = "EU"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
}

resource "google_storage_bucket_iam_member" "reader" {
  bucket = google_storage_bucket.data.name
  role   = "roles/storage.objectViewer"
  member = "group:analysts@example.com"
}

resource "google_storage_bucket_iam_binding" "admins" {
  bucket  = google_storage_bucket.data.name
  role    = "roles/storage.admin"
  members = ["group:data-admins@example.com", "serviceAccount:etl@example-project.iam.gserviceaccount.com"]
}

resource "google_storage_bucket_iam_policy" "policy" {
  bucket = google_storage_bucket.data.name
  policy_data = jsonencode({
    bindings = [{
      role    = "roles/storage.objectViewer"
      members = ["group:analysts@example.com"]
    }]
  })
}
