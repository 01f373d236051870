resource "aws_db_instance" "app" {
  identifier              = "app"
  engine                  = "postgres"
  instance_class          = "db.t3.medium"
  allocated_storage       = 50
  username                = "dbadmin"
  password                = "change-me-in-secrets-manager"
  storage_encrypted       = true
  backup_retention_period = 14
}
