resource "aws_db_instance" "legacy" {
  identifier                 = "legacy"
  engine                     = "mysql"
  engine_version             = "5.7.44"
  instance_class             = "db.t3.medium"
  allocated_storage          = 20
  username                   = "dbadmin"
  password                   = "change-me-in-secrets-manager"
  storage_encrypted          = true
  auto_minor_version_upgrade = false
}
