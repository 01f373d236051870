# METADATA
# title: NetworkPolicy allows ingress from anywhere
# description: |
#   An ingress rule without from, or with an ipBlock of 0.0.0.0/0 or ::/0
#   and no exceptions, admits every source: every pod of every namespace and,
#   through node ports and load balancers, the Internet. It undoes the
#   isolation the policy's podSelector promises. Rules that name ports are
#   reported too; they still open those ports to everyone.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/services-networking/network-policies/#behavior-of-to-and-from-selectors
# custom:
#   id: ONUS-K8S-043
#   severity: medium
#   category: network-exposure
#   layer: network
#   targets:
#     - kind: kubernetes
#       types: ["NetworkPolicy"]
#   controls:
#     cis-kubernetes: ["5.3.2"]
#     nsa-cisa-kubernetes: ["network-separation/network-policies"]
#     nist-800-53: ["AC-4", "SC-7"]
#   remediation: |
#     List the callers in `from`: a podSelector for callers in the namespace,
#     a namespaceSelector (for example the ingress controller's namespace),
#     or the CIDRs of known clients.
package onus.kubernetes.network_policy_allow_all

deny contains {"msg": msg, "path": path} if {
	some i, rule in object.get(input.resource.attrs.spec, "ingress", [])
	count(object.get(rule, "from", [])) == 0
	msg := sprintf("NetworkPolicy %q ingress rule %d has no from: it admits every source", [input.resource.name, i])
	path := sprintf("spec.ingress[%d]", [i])
}

deny contains {"msg": msg, "path": path} if {
	some i, rule in object.get(input.resource.attrs.spec, "ingress", [])
	some j, peer in rule.from
	peer.ipBlock.cidr in {"0.0.0.0/0", "::/0"}
	count(object.get(peer.ipBlock, "except", [])) == 0
	msg := sprintf("NetworkPolicy %q ingress rule %d admits %s, every address", [input.resource.name, i, peer.ipBlock.cidr])
	path := sprintf("spec.ingress[%d].from[%d].ipBlock.cidr", [i, j])
}
