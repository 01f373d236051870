package onus.gcp.gke_secrets_encryption_test

import data.onus.gcp.gke_secrets_encryption as policy
import data.onus.lib.gcp.fixture as fx

cluster(attrs) := fx.tf("google_container_cluster", "c", object.union({"name": "c", "location": "europe-west1"}, attrs))

test_unset if {
	[f] := [f | some f in policy.deny with input.resource as cluster({})]
	f.path == "database_encryption[0].state"
}

test_decrypted if {
	count(policy.deny) == 1 with input.resource as cluster({"database_encryption": [{"state": "DECRYPTED"}]})
}

test_encrypted if {
	count(policy.deny) == 0 with input.resource as cluster({"database_encryption": [{"state": "ENCRYPTED", "key_name": "k"}]})
}

test_unknown_named if {
	[f] := [f | some f in policy.deny with input.resource as fx.unknown(cluster({"database_encryption": [{}]}), ["database_encryption[0].state"])]
	f.path == "database_encryption[0].state"
}
