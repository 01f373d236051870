# METADATA
# title: Secret values committed in a manifest
# description: |
#   A Secret object with data or stringData in a manifest puts the values in
#   the repository, in its history and in every clone and CI log; base64 is
#   an encoding, not encryption. Secrets should be created in the cluster by
#   an external secrets operator, a CSI secrets store driver or from sealed
#   (encrypted) manifests. The finding lists the keys, never the values.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/secrets-good-practices/
# custom:
#   id: ONUS-K8S-029
#   severity: high
#   category: secrets
#   layer: data-access
#   targets:
#     - kind: kubernetes
#       types: ["Secret"]
#   controls:
#     cis-kubernetes: ["5.4.2"]
#     nsa-cisa-kubernetes: ["network-separation/secrets"]
#     nist-800-53: ["IA-5(7)", "SC-28"]
#   remediation: |
#     Rotate the values, remove the Secret from the repository (and its
#     history), and create it from an external store (External Secrets
#     Operator, Secrets Store CSI driver) or commit a SealedSecret instead.
package onus.kubernetes.secret_manifest

deny contains {"msg": msg, "path": field} if {
	some field in ["data", "stringData"]
	values := input.resource.attrs[field]
	is_object(values)
	keys := [k | some k, v in values; v != ""; v != null]
	count(keys) > 0
	msg := sprintf("Secret %q carries %d value(s) in the manifest (%s)", [input.resource.name, count(keys), concat(", ", sort(keys))])
}
