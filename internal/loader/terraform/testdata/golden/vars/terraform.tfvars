from_tfvars = "tfvars"
from_auto   = "tfvars"
ports       = ["22", 443]
settings    = { name = "svc" }
undeclared  = "ignored"
