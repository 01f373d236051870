variable "reader" {
  type = string
}

data "google_iam_policy" "public" {
  binding {
    role    = "roles/storage.objectViewer"
    members = ["allUsers", "group:web@example.com"]
  }

  binding {
    role    = "roles/storage.admin"
    members = ["group:ops@example.com"]
  }

  binding {
    role    = "roles/storage.objectViewer"
    members = ["user:a@example.com"]

    condition {
      title      = "expires"
      expression = "request.time < timestamp(\"2027-01-01T00:00:00Z\")"
    }
  }

  audit_config {
    service = "storage.googleapis.com"

    audit_log_configs {
      log_type = "DATA_READ"
    }
  }
}

# A member from a variable without a value: the policy is unknown.
data "google_iam_policy" "unknown" {
  binding {
    role    = "roles/storage.objectViewer"
    members = [var.reader]
  }
}

resource "google_storage_bucket_iam_policy" "public" {
  bucket      = "site"
  policy_data = data.google_iam_policy.public.policy_data
}

resource "google_storage_bucket_iam_policy" "unknown" {
  bucket      = "data"
  policy_data = data.google_iam_policy.unknown.policy_data
}
