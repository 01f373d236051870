# METADATA
# title: AWS EKS facts
# description: |
#   Settings of an EKS cluster (aws_eks_cluster, AWS::EKS::Cluster) read
#   per format, each with the attribute paths a finding points at.
package onus.lib.aws.eks

import data.onus.lib.aws

is_cluster(r) if {
	r.kind == "terraform"
	r.type == "aws_eks_cluster"
}

is_cluster(r) if {
	r.kind == "cloudformation"
	r.type == "AWS::EKS::Cluster"
}

# log_types returns the control plane log types the cluster sends to
# CloudWatch: {"types" (a set of names), "path"}.
log_types(r) := {"types": {t | some t in object.get(r.attrs, "enabled_cluster_log_types", [])}, "path": "enabled_cluster_log_types"} if {
	is_cluster(r)
	r.kind == "terraform"
}

log_types(r) := {
	"types": {t.Type | some t in object.get(r.attrs, ["Logging", "ClusterLogging", "EnabledTypes"], []); is_object(t)},
	"path": "Logging.ClusterLogging.EnabledTypes",
} if {
	is_cluster(r)
	r.kind == "cloudformation"
}

# endpoint returns the Kubernetes API endpoint's exposure: {"public"
# (default true), "cidrs" (default the whole internet), "paths" (the CIDRs
# then the public flag)}.
endpoint(r) := {
	"public": normal(object.get(vpc, "endpoint_public_access", true)),
	"cidrs": object.get(vpc, "public_access_cidrs", ["0.0.0.0/0"]),
	"paths": ["vpc_config[0].public_access_cidrs", "vpc_config[0].endpoint_public_access"],
} if {
	is_cluster(r)
	r.kind == "terraform"
	vpc := object.get(r.attrs, ["vpc_config", 0], {})
}

endpoint(r) := {
	"public": normal(object.get(vpc, "EndpointPublicAccess", true)),
	"cidrs": object.get(vpc, "PublicAccessCidrs", ["0.0.0.0/0"]),
	"paths": ["ResourcesVpcConfig.PublicAccessCidrs", "ResourcesVpcConfig.EndpointPublicAccess"],
} if {
	is_cluster(r)
	r.kind == "cloudformation"
	vpc := object.get(r.attrs, "ResourcesVpcConfig", {})
}

normal(v) := b if {
	b := aws.bool(v)
} else := v

# encryption returns the cluster's envelope encryption: {"resources" (a
# set of the resource kinds encrypted), "path"}.
encryption(r) := {"resources": {x | some c in object.get(r.attrs, "encryption_config", []); some x in object.get(c, "resources", [])}, "path": "encryption_config"} if {
	is_cluster(r)
	r.kind == "terraform"
}

encryption(r) := {"resources": {x | some c in object.get(r.attrs, "EncryptionConfig", []); is_object(c); some x in object.get(c, "Resources", [])}, "path": "EncryptionConfig"} if {
	is_cluster(r)
	r.kind == "cloudformation"
}
