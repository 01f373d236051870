# METADATA
# title: Load balancer listener uses an outdated TLS policy
# description: |
#   The ssl_policy of an HTTPS or TLS listener decides which protocol
#   versions and ciphers clients may negotiate. Policies that still accept
#   TLS 1.0 or 1.1 (ELBSecurityPolicy-2016-08, the default for listeners
#   created through the API, ELBSecurityPolicy-TLS-1-1-2017-01,
#   ELBSecurityPolicy-TLS13-1-0-2021-06...) allow downgrades to broken
#   protocols. Accepted: the TLS 1.2+ families ELBSecurityPolicy-TLS13-1-2-*,
#   ELBSecurityPolicy-TLS13-1-3-*, ELBSecurityPolicy-TLS-1-2-* and
#   ELBSecurityPolicy-FS-1-2-*, plus the names in the allowed parameter.
#   In CloudFormation the setting is SslPolicy of
#   AWS::ElasticLoadBalancingV2::Listener.
# related_resources:
#   - ref: https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html
# custom:
#   id: ONUS-AWS-049
#   severity: medium
#   category: encryption
#   layer: network
#   targets:
#     - kind: terraform
#       types: [aws_lb_listener, aws_alb_listener]
#     - kind: cloudformation
#       types: ["AWS::ElasticLoadBalancingV2::Listener"]
#   controls:
#     nist-800-53: ["SC-8", "SC-8(1)", "SC-13"]
#     csa-ccm: ["CEK-03", "DSP-10"]
#     pci-dss: ["4.2.1"]
#   params:
#     allowed: {default: [], description: extra security policy names to accept}
#   remediation: |
#     Set ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06" (TLS 1.2 and 1.3),
#     or ELBSecurityPolicy-TLS13-1-2-Res-2021-06 where every client supports
#     modern ciphers.
#     In CloudFormation, set SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06.
package onus.aws.lb_tls_policy

import data.onus.lib.aws.elb

deny contains {"msg": msg, "path": l.tls_policy_path} if {
	some l in elb.listeners(input.resource)
	l.protocol in {"HTTPS", "TLS"}
	not modern(l.tls_policy)
	msg := message(l.tls_policy, l.tls_policy_path)
}

modern(p) if regex.match(`^ELBSecurityPolicy-(TLS13-1-[23]|TLS-1-2|FS-1-2)-`, p)

modern(p) if p in input.params.allowed

message("", name) := sprintf("the listener sets no %s: listeners created through the API get ELBSecurityPolicy-2016-08, which accepts TLS 1.0 and 1.1", [name])

message(p, name) := sprintf("%s %q accepts protocol versions older than TLS 1.2", [name, p]) if p != ""
