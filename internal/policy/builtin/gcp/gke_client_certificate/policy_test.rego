package onus.gcp.gke_client_certificate_test

import data.onus.gcp.gke_client_certificate as policy
import data.onus.lib.gcp.fixture as fx

cluster(attrs) := fx.tf("google_container_cluster", "c", object.union({"name": "c", "location": "europe-west1"}, attrs))

test_issued if {
	[f] := [f | some f in policy.deny with input.resource as cluster({"master_auth": [{"client_certificate_config": [{"issue_client_certificate": true}]}]})]
	f.path == "master_auth[0].client_certificate_config[0].issue_client_certificate"
}

test_not_issued if {
	count(policy.deny) == 0 with input.resource as cluster({})
	count(policy.deny) == 0 with input.resource as cluster({"master_auth": [{"client_certificate_config": [{"issue_client_certificate": false}]}]})
}

test_unknown if {
	[f] := [f | some f in policy.deny with input.resource as fx.unknown(cluster({}), ["master_auth"])]
	f.path == "master_auth[0].client_certificate_config[0].issue_client_certificate"
}
