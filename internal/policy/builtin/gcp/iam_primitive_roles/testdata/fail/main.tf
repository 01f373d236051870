resource "google_project_iam_member" "owner" {
  project = "example-project"
  role    = "roles/owner"
  member  = "user:alice@example.com"
}

resource "google_project_iam_binding" "editors" {
  project = "example-project"
  role    = "roles/editor"
  members = [
    "group:developers@example.com",
  ]
}

resource "google_organization_iam_member" "domain" {
  org_id = "123456789012"
  role   = "roles/editor"
  member = "domain:example.com"
}

resource "google_project_iam_policy" "sandbox" {
  project = "example-sandbox"
  policy_data = jsonencode({
    bindings = [{
      role    = "roles/owner"
      members = ["group:sandbox-admins@example.com"]
    }]
  })
}
