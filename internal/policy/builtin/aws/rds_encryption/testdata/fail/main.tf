resource "aws_db_instance" "billing" {
  identifier        = "billing"
  engine            = "mysql"
  engine_version    = "8.0.36"
  instance_class    = "db.t3.medium"
  allocated_storage = 50
  username          = "dbadmin"
  password          = "change-me-in-secrets-manager"
}

resource "aws_rds_cluster" "events" {
  cluster_identifier = "events"
  engine             = "aurora-mysql"
  master_username    = "dbadmin"
  master_password    = "change-me-in-secrets-manager"
  storage_encrypted  = false
}
