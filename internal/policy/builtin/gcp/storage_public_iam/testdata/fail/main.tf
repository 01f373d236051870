resource "google_storage_bucket" "site" {
  name                        = "example-site"
  location                    = "EU"
  uniform_bucket_level_access = true
}

resource "google_storage_bucket_iam_member" "public" {
  bucket = google_storage_bucket.site.name
  role   = "roles/storage.objectViewer"
  member = "allUsers"
}

resource "google_storage_bucket_iam_binding" "readers" {
  bucket  = google_storage_bucket.site.name
  role    = "roles/storage.legacyObjectReader"
  members = ["group:web@example.com", "allAuthenticatedUsers"]
}

resource "google_storage_bucket_iam_policy" "policy" {
  bucket = google_storage_bucket.site.name
  policy_data = jsonencode({
    bindings = [{
      role    = "roles/storage.objectViewer"
      members = ["allUsers"]
    }]
  })
}

data "google_iam_policy" "from_data" {
  binding {
    role    = "roles/storage.objectViewer"
    members = ["allUsers"]
  }
}

# onus renders data.google_iam_policy as the provider does.
resource "google_storage_bucket_iam_policy" "from_data" {
  bucket      = google_storage_bucket.site.name
  policy_data = data.google_iam_policy.from_data.policy_data
}

variable "reader" {
  type = string
}

data "google_iam_policy" "unknown" {
  binding {
    role    = "roles/storage.objectViewer"
    members = [var.reader]
  }
}

# A member from a variable without a value: undetermined, not a finding.
resource "google_storage_bucket_iam_policy" "unknown" {
  bucket      = google_storage_bucket.site.name
  policy_data = data.google_iam_policy.unknown.policy_data
}
