resource "google_bigquery_dataset" "analytics" {
  dataset_id = "analytics"
  location   = "EU"

  access {
    role          = "OWNER"
    user_by_email = "owner@example.com"
  }

  access {
    role           = "READER"
    group_by_email = "analysts@example.com"
  }
}

resource "google_bigquery_dataset_iam_member" "viewer" {
  dataset_id = google_bigquery_dataset.analytics.dataset_id
  role       = "roles/bigquery.dataViewer"
  member     = "group:analysts@example.com"
}
