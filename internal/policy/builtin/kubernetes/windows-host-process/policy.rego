# METADATA
# title: Windows container runs as a HostProcess
# description: |
#   A Windows HostProcess container runs directly on the node, outside any
#   container isolation, with the node's network and file system and
#   (usually) as SYSTEM. It is the Windows counterpart of a privileged
#   container.
# related_resources:
#   - ref: https://kubernetes.io/docs/tasks/configure-pod-container/create-hostprocess-pod/
# custom:
#   id: ONUS-K8S-018
#   severity: critical
#   category: workload-isolation
#   layer: operating-system
#   targets:
#     - kind: kubernetes
#       types: ["@workload"]
#   controls:
#     cis-kubernetes: ["5.2.11"]
#     nsa-cisa-kubernetes: ["pod-security/privileged"]
#     nist-800-53: ["AC-6", "SC-39"]
#   remediation: |
#     Remove `windowsOptions.hostProcess: true` (and `hostNetwork`). Node
#     management belongs in the node image or a dedicated, audited agent.
package onus.kubernetes.windows_host_process

import data.onus.lib.kubernetes as k8s

deny contains {"msg": msg, "path": path} if {
	some c in k8s.containers
	k8s.security_value(c, "windowsOptions").hostProcess == true
	msg := sprintf("%s %q runs as a Windows HostProcess container", [c.kind, c.name])
	path := concat(".", [k8s.security_path(c, "windowsOptions"), "hostProcess"])
}
