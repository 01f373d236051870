resource "google_bigquery_dataset" "open" {
  dataset_id = "open_data"
  location   = "EU"

  access {
    role          = "OWNER"
    user_by_email = "owner@example.com"
  }

  access {
    role       = "READER"
    iam_member = "allUsers"
  }
}

resource "google_bigquery_dataset" "shared" {
  dataset_id = "shared"
  location   = "EU"
}

resource "google_bigquery_dataset_iam_member" "anyone" {
  dataset_id = google_bigquery_dataset.shared.dataset_id
  role       = "roles/bigquery.dataViewer"
  member     = "allAuthenticatedUsers"
}
