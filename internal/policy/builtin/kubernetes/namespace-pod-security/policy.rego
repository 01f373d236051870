# METADATA
# title: Namespace does not enforce a Pod Security Standard
# description: |
#   Pod Security admission rejects pods that break the baseline or restricted
#   Pod Security Standard in namespaces labelled
#   pod-security.kubernetes.io/enforce. Without the label (or with
#   enforce: privileged) nothing stops a privileged or host-namespace pod at
#   admission, and the checks in this pack become the only line of defence.
#   Only Namespace objects declared in the scan are checked; kube-system,
#   kube-public and kube-node-lease are left alone.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-admission/
# custom:
#   id: ONUS-K8S-045
#   severity: medium
#   category: workload-isolation
#   layer: operating-system
#   targets:
#     - kind: kubernetes
#       types: ["Namespace"]
#   controls:
#     cis-kubernetes: ["5.2.1"]
#     nsa-cisa-kubernetes: ["pod-security/enforcement"]
#     nist-800-53: ["CM-7", "CM-6"]
#   remediation: |
#     Label the namespace `pod-security.kubernetes.io/enforce: restricted` (or
#     `baseline` where a workload needs it), after checking with
#     `pod-security.kubernetes.io/warn` that its pods comply.
package onus.kubernetes.namespace_pod_security

label := "pod-security.kubernetes.io/enforce"

system := {"kube-system", "kube-public", "kube-node-lease"}

deny contains {"msg": msg, "path": "metadata.labels"} if {
	not input.resource.name in system
	not input.resource.labels[label]
	msg := sprintf("namespace %s has no %s label: Pod Security admission does not check its pods", [input.resource.name, label])
}

deny contains {"msg": msg, "path": path} if {
	not input.resource.name in system
	input.resource.labels[label] == "privileged"
	msg := sprintf("namespace %s enforces the privileged Pod Security Standard, which allows everything", [input.resource.name])
	path := sprintf("metadata.labels[%q]", [label])
}
