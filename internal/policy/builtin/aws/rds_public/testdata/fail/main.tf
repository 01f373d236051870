resource "aws_db_instance" "support" {
  identifier          = "support"
  engine              = "postgres"
  engine_version      = "16.3"
  instance_class      = "db.t3.medium"
  allocated_storage   = 100
  username            = "dbadmin"
  password            = "change-me-in-secrets-manager"
  publicly_accessible = true
  storage_encrypted   = true
}
