# METADATA
# title: Service account token mounted into the pod
# description: |
#   Kubernetes mounts the pod's service account token unless told not to.
#   Anyone who takes over the container can read it and talk to the API
#   server as that account, with every permission bound to it; most
#   applications never call the API and do not need it. A workload is
#   reported when neither its pod spec nor its ServiceAccount (when the scan
#   declares it) sets automountServiceAccountToken: false. Workloads that do
#   call the API (operators, controllers) keep the token and should carry an
#   inline waiver saying so. Pods that run as the default account are
#   reported by ONUS-K8S-030 instead. The ServiceAccount lookup needs the
#   whole estate, so the policy is skipped at admission.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/service-accounts/#opt-out-of-api-credential-automounting
# custom:
#   id: ONUS-K8S-031
#   severity: low
#   category: identity
#   layer: data-access
#   targets:
#     - kind: kubernetes
#       types: ["@workload"]
#   controls:
#     cis-kubernetes: ["5.1.6"]
#     nsa-cisa-kubernetes: ["pod-security/service-account-tokens"]
#     nist-800-53: ["AC-6", "IA-5"]
#   remediation: |
#     Set `automountServiceAccountToken: false` in the pod spec (or on the
#     ServiceAccount). A workload that calls the API keeps the token: waive
#     the finding inline with the reason, and bind its account to a Role
#     with only the permissions it needs.
package onus.kubernetes.service_account_token

import data.onus.lib.estate
import data.onus.lib.kubernetes as k8s

deny contains {"msg": msg, "path": path} if {
	k8s.is_workload
	not k8s.pod.spec.automountServiceAccountToken == false
	account := service_account
	account != "default"
	not account_disables_token(account)
	msg := sprintf("the pod mounts the API token of service account %q", [account])
	path := k8s.pod_path("automountServiceAccountToken")
}

service_account := name if {
	name := k8s.pod.spec.serviceAccountName
	name != ""
} else := name if {
	name := k8s.pod.spec.serviceAccount
	name != ""
} else := "default"

account_disables_token(account) if {
	sa := estate.named(k8s.namespace, "ServiceAccount", account)
	sa.attrs.automountServiceAccountToken == false
}
