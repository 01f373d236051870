# METADATA
# title: VPC subnet does not record flow logs
# description: |
#   Without VPC flow logs there is no record of which addresses talked to
#   the subnet's VMs and on which ports: intrusions, data exfiltration and
#   misrouted traffic leave no trace to investigate. A
#   google_compute_subnetwork records them with a log_config block (and a
#   flow_sampling above 0). Proxy-only and Private Service Connect subnets,
#   which carry no VM traffic, are not reported.
# related_resources:
#   - ref: https://cloud.google.com/vpc/docs/using-flow-logs
# custom:
#   id: ONUS-GCP-024
#   severity: medium
#   category: logging
#   layer: network
#   targets:
#     - kind: terraform
#       types: [google_compute_subnetwork]
#   controls:
#     cis-gcp: ["3.8"]
#     nist-800-53: ["AU-2", "AU-3", "AU-12", "SI-4"]
#     csa-ccm: ["LOG-08", "IVS-09"]
#   remediation: |
#     Add log_config { aggregation_interval = "INTERVAL_5_SEC",
#     flow_sampling = 1, metadata = "INCLUDE_ALL_METADATA" } to the subnet.
package onus.gcp.subnet_flow_logs

attrs := input.resource.attrs

no_vm_traffic := {"REGIONAL_MANAGED_PROXY", "GLOBAL_MANAGED_PROXY", "INTERNAL_HTTPS_LOAD_BALANCER", "PRIVATE_SERVICE_CONNECT", "PRIVATE_NAT"}

vm_subnet if not object.get(attrs, "purpose", "PRIVATE") in no_vm_traffic

deny contains {"msg": "the subnet records no VPC flow logs", "paths": ["log_config", "purpose"]} if {
	vm_subnet
	count(object.get(attrs, "log_config", [])) == 0
}

deny contains {"msg": "flow_sampling is 0: the subnet records no flows", "paths": ["log_config[0].flow_sampling", "purpose"]} if {
	vm_subnet
	object.get(attrs, ["log_config", 0, "flow_sampling"], 0.5) == 0
}
