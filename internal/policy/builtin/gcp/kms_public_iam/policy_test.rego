package onus.gcp.kms_public_iam_test

import data.onus.gcp.kms_public_iam as policy
import data.onus.lib.gcp.fixture as fx

test_key_member if {
	[f] := [f | some f in policy.deny with input.resource as fx.tf("google_kms_crypto_key_iam_member", "m", {"crypto_key_id": "k", "role": "roles/cloudkms.cryptoKeyDecrypter", "member": "allUsers"})]
	f.paths[0] == "member"
	contains(f.msg, "on the key")
}

test_ring_binding if {
	[f] := [f | some f in policy.deny with input.resource as fx.tf("google_kms_key_ring_iam_binding", "b", {"key_ring_id": "r", "role": "roles/cloudkms.viewer", "members": ["allAuthenticatedUsers"]})]
	contains(f.msg, "on the key ring")
}

test_private if {
	count(policy.deny) == 0 with input.resource as fx.tf("google_kms_crypto_key_iam_member", "m", {"role": "roles/cloudkms.cryptoKeyEncrypterDecrypter", "member": "serviceAccount:app@p.iam.gserviceaccount.com"})
}

test_unknown_member if {
	[f] := [f | some f in policy.deny with input.resource as fx.unknown(fx.tf("google_kms_crypto_key_iam_member", "m", {"role": "r"}), ["member"])]
	f.path == "member"
}

# The role does not decide whether a grant is public.
test_unknown_role_irrelevant if {
	count(policy.deny) == 0 with input.resource as fx.unknown(fx.tf("google_kms_crypto_key_iam_member", "m", {"member": "group:g@example.com"}), ["role"])
}
