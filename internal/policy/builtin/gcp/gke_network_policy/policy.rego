# METADATA
# title: GKE cluster does not enforce network policies
# description: |
#   Without network policy enforcement, Kubernetes NetworkPolicy objects are
#   accepted but ignored: every pod can reach every other pod and node, and
#   one compromised workload can move laterally through the cluster. A
#   cluster enforces them with network_policy { enabled = true } (Calico),
#   with GKE Dataplane V2 (datapath_provider = "ADVANCED_DATAPATH"), or as
#   an Autopilot cluster (enable_autopilot = true), which always runs
#   Dataplane V2.
# related_resources:
#   - ref: https://cloud.google.com/kubernetes-engine/docs/how-to/network-policy
#   - ref: https://cloud.google.com/kubernetes-engine/docs/concepts/dataplane-v2
# custom:
#   id: ONUS-GCP-014
#   severity: medium
#   category: network-exposure
#   layer: network
#   targets:
#     - kind: terraform
#       types: [google_container_cluster]
#   controls:
#     nist-800-53: ["AC-4", "SC-7"]
#     csa-ccm: ["IVS-03", "IVS-06"]
#   remediation: |
#     Create the cluster with datapath_provider = "ADVANCED_DATAPATH"
#     (Dataplane V2), or add network_policy { enabled = true, provider =
#     "CALICO" } with addons_config { network_policy_config { disabled =
#     false } }, then write NetworkPolicies that deny traffic by default.
package onus.gcp.gke_network_policy

attrs := input.resource.attrs

deny contains {"msg": "network policies are not enforced: NetworkPolicy objects are ignored", "paths": ["network_policy[0].enabled", "datapath_provider", "enable_autopilot"]} if {
	object.get(attrs, ["network_policy", 0, "enabled"], false) != true
	object.get(attrs, "datapath_provider", "") != "ADVANCED_DATAPATH"
	object.get(attrs, "enable_autopilot", false) != true
}
