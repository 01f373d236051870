resource "aws_db_instance" "app" {
  identifier                 = "app"
  engine                     = "mysql"
  instance_class             = "db.t3.medium"
  allocated_storage          = 20
  username                   = "dbadmin"
  password                   = "change-me-in-secrets-manager"
  storage_encrypted          = true
  auto_minor_version_upgrade = true
  maintenance_window         = "sun:03:00-sun:04:00"
}
