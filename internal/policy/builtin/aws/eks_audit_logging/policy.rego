# METADATA
# title: EKS control plane audit logging is off
# description: |
#   The Kubernetes audit log records who did what through the API server:
#   which identity read a Secret, exec'd into a pod, created a
#   ClusterRoleBinding. EKS sends it to CloudWatch Logs only for the log
#   types listed in enabled_cluster_log_types.
#   In CloudFormation the log types are Logging.ClusterLogging.EnabledTypes
#   of AWS::EKS::Cluster.
# related_resources:
#   - ref: https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html
# custom:
#   id: ONUS-AWS-042
#   severity: medium
#   category: logging
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [aws_eks_cluster]
#     - kind: cloudformation
#       types: ["AWS::EKS::Cluster"]
#   controls:
#     nist-800-53: ["AU-2", "AU-3", "AU-12"]
#     csa-ccm: ["LOG-08"]
#     pci-dss: ["10.2.1"]
#   params:
#     required: {default: ["audit", "authenticator"], description: control plane log types that must be enabled}
#   remediation: |
#     Set enabled_cluster_log_types = ["api", "audit", "authenticator"] and a
#     retention on the /aws/eks/<cluster>/cluster log group.
#     In CloudFormation, list each type under
#     Logging.ClusterLogging.EnabledTypes (- Type: audit).
package onus.aws.eks_audit_logging

import data.onus.lib.aws.eks

deny contains {"msg": msg, "path": logs.path} if {
	logs := eks.log_types(input.resource)
	missing := [t | some t in input.params.required; not t in logs.types]
	count(missing) > 0
	msg := sprintf("control plane logs %s are not sent to CloudWatch", [concat(", ", missing)])
}
