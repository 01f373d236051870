resource "aws_db_instance" "app" {
  identifier                          = "app"
  engine                              = "postgres"
  instance_class                      = "db.t3.medium"
  allocated_storage                   = 50
  username                            = "dbadmin"
  manage_master_user_password         = true
  storage_encrypted                   = true
  iam_database_authentication_enabled = true
}

# SQL Server does not support IAM authentication.
resource "aws_db_instance" "reporting" {
  identifier        = "reporting"
  engine            = "sqlserver-se"
  instance_class    = "db.m6i.large"
  allocated_storage = 100
  username          = "dbadmin"
  password          = "change-me-in-secrets-manager"
  license_model     = "license-included"
  storage_encrypted = true
}
