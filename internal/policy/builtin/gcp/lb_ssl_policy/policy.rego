# METADATA
# title: Load balancer SSL policy allows old TLS versions or weak ciphers
# description: |
#   An SSL policy decides which TLS versions and cipher suites the HTTPS
#   and SSL proxy load balancers that use it negotiate. The defaults,
#   min_tls_version = "TLS_1_0" and profile = "COMPATIBLE", accept TLS 1.0
#   and 1.1 and cipher suites without forward secrecy or with 3DES, which
#   a downgrade can force on a client. A google_compute_ssl_policy passes
#   with min_tls_version TLS_1_2 (or later) and the MODERN, RESTRICTED or a
#   CUSTOM profile.
# related_resources:
#   - ref: https://cloud.google.com/load-balancing/docs/ssl-policies-concepts
# custom:
#   id: ONUS-GCP-031
#   severity: medium
#   category: encryption
#   layer: network
#   targets:
#     - kind: terraform
#       types: [google_compute_ssl_policy]
#   controls:
#     cis-gcp: ["3.9"]
#     nist-800-53: ["SC-8", "SC-8(1)", "SC-13"]
#     csa-ccm: ["CEK-03", "DSP-10"]
#   remediation: |
#     Set min_tls_version = "TLS_1_2" and profile = "MODERN" (or
#     "RESTRICTED"), and attach the policy to every target HTTPS and SSL
#     proxy.
package onus.gcp.lb_ssl_policy

attrs := input.resource.attrs

deny contains {"msg": sprintf("min_tls_version is %s: clients may negotiate TLS 1.0 or 1.1", [version]), "path": "min_tls_version"} if {
	version := object.get(attrs, "min_tls_version", "TLS_1_0")
	version in {"TLS_1_0", "TLS_1_1"}
}

deny contains {"msg": "profile COMPATIBLE allows cipher suites without forward secrecy and 3DES", "path": "profile"} if {
	object.get(attrs, "profile", "COMPATIBLE") == "COMPATIBLE"
}
