# METADATA
# title: Ingress serves hosts without TLS
# description: |
#   An Ingress without a tls section serves plain HTTP: credentials, session
#   cookies and personal data cross the Internet readable and modifiable by
#   anyone on the path. Each host of the rules must be covered by a tls
#   entry (a *.example.com entry covers one label under example.com; an
#   entry without hosts covers them all).
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/services-networking/ingress/#tls
# custom:
#   id: ONUS-K8S-041
#   severity: medium
#   category: encryption
#   layer: network
#   targets:
#     - kind: kubernetes
#       types: ["Ingress"]
#   controls:
#     nsa-cisa-kubernetes: ["network-separation/encryption"]
#     nist-800-53: ["SC-8", "SC-8(1)"]
#   remediation: |
#     Add `spec.tls` with the hosts and a certificate Secret (cert-manager can
#     issue and renew it), and redirect HTTP to HTTPS.
package onus.kubernetes.ingress_tls

spec := input.resource.attrs.spec

deny contains {"msg": msg, "path": "spec.tls"} if {
	count(object.get(spec, "tls", [])) == 0
	msg := sprintf("Ingress %q has no TLS: it serves plain HTTP", [input.resource.name])
}

deny contains {"msg": msg, "path": path} if {
	count(object.get(spec, "tls", [])) > 0
	not covers_all
	some i, rule in object.get(spec, "rules", [])
	host := rule.host
	not covered(host)
	msg := sprintf("Ingress %q serves %s without TLS", [input.resource.name, host])
	path := sprintf("spec.rules[%d].host", [i])
}

covers_all if {
	some t in spec.tls
	count(object.get(t, "hosts", [])) == 0
}

covered(host) if {
	some t in spec.tls
	some h in t.hosts
	matches(h, host)
}

matches(h, host) if lower(h) == lower(host)

matches(h, host) if {
	startswith(h, "*.")
	suffix := lower(substring(h, 1, -1))
	endswith(lower(host), suffix)
	not contains(trim_suffix(lower(host), suffix), ".")
}
