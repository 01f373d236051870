# METADATA
# title: Workload uses the default service account with its token
# description: |
#   Every namespace has a service account named default that pods use when
#   they name none. Its token is mounted into each such pod, and whatever a
#   binding grants "default" (often by accident, for a quick fix) is granted
#   to every one of them. A pod that talks to the API should have its own
#   service account; one that does not should get no token. A workload is
#   reported when it runs as "default" and the token is mounted: neither the
#   pod nor the default ServiceAccount declared in the scan sets
#   automountServiceAccountToken: false. A declared default ServiceAccount
#   that does not set it is reported too.
# related_resources:
#   - ref: https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/
# custom:
#   id: ONUS-K8S-030
#   severity: medium
#   category: identity
#   layer: data-access
#   targets:
#     - kind: kubernetes
#       types: ["@workload", "ServiceAccount"]
#   controls:
#     cis-kubernetes: ["5.1.5"]
#     nsa-cisa-kubernetes: ["pod-security/service-account-tokens"]
#     nist-800-53: ["AC-2", "AC-6"]
#   remediation: |
#     Create a ServiceAccount for the workload and set `serviceAccountName`,
#     or set `automountServiceAccountToken: false` in the pod spec. Set
#     `automountServiceAccountToken: false` on each namespace's default
#     ServiceAccount.
package onus.kubernetes.default_service_account

import data.onus.lib.estate
import data.onus.lib.kubernetes as k8s

deny contains {"msg": msg, "path": path} if {
	k8s.is_workload
	service_account == "default"
	not k8s.pod.spec.automountServiceAccountToken == false
	not default_account_disabled
	msg := sprintf("the pod runs as the default service account of namespace %s, with its token mounted", [k8s.namespace])
	path := k8s.pod_path("serviceAccountName")
}

deny contains {"msg": msg, "path": "automountServiceAccountToken"} if {
	input.resource.type == "ServiceAccount"
	input.resource.name == "default"
	not input.resource.attrs.automountServiceAccountToken == false
	msg := sprintf("the default service account of namespace %s mounts its token into every pod that names no service account", [k8s.namespace])
}

service_account := name if {
	name := k8s.pod.spec.serviceAccountName
	name != ""
} else := name if {
	name := k8s.pod.spec.serviceAccount
	name != ""
} else := "default"

default_account_disabled if {
	sa := estate.named(k8s.namespace, "ServiceAccount", "default")
	sa.attrs.automountServiceAccountToken == false
}
