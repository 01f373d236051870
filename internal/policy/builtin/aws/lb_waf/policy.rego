# METADATA
# title: Internet-facing Application Load Balancer has no WAF
# description: |
#   A web ACL in front of an internet-facing Application Load Balancer
#   filters the attacks every public web application receives: injection,
#   request smuggling, known exploit payloads, and server-side request
#   forgery probes like the one that opened the 2019 Capital One breach
#   (whose own WAF was misconfigured). Reported on aws_lb / aws_alb of type
#   application that are not internal, when no aws_wafv2_web_acl_association
#   or aws_wafregional_web_acl_association refers to them through
#   resource_arn.
# related_resources:
#   - ref: https://docs.aws.amazon.com/waf/latest/developerguide/waf-chapter.html
# custom:
#   id: ONUS-AWS-050
#   severity: medium
#   category: network-exposure
#   layer: application
#   targets:
#     - kind: terraform
#       types: [aws_lb, aws_alb]
#   controls:
#     nist-800-53: ["SC-7", "SI-3", "SI-4"]
#     csa-ccm: ["AIS-07", "IVS-09"]
#     pci-dss: ["6.4.2"]
#   remediation: |
#     Create an aws_wafv2_web_acl (scope REGIONAL) with the AWS managed rule
#     groups (AWSManagedRulesCommonRuleSet, AWSManagedRulesKnownBadInputsRuleSet)
#     and attach it with aws_wafv2_web_acl_association.
package onus.aws.lb_waf

import data.onus.lib.aws

deny contains result if {
	input.resource.kind == "terraform"
	object.get(input.resource.attrs, "load_balancer_type", "application") == "application"
	object.get(input.resource.attrs, "internal", false) != true
	not protected
	result := {
		"msg": "the internet-facing Application Load Balancer has no WAF web ACL",
		"paths": ["internal", "load_balancer_type"],
		"undetermined": unresolved_association,
	}
}

protected if count(aws.referring(input.resource.id, "aws_wafv2_web_acl_association", "resource_arn")) > 0

protected if count(aws.referring(input.resource.id, "aws_wafregional_web_acl_association", "resource_arn")) > 0

# An association of the same root module whose resource_arn refers to
# nothing the scan can see might protect this load balancer.
default unresolved_association := false

unresolved_association if {
	some t in ["aws_wafv2_web_acl_association", "aws_wafregional_web_acl_association"]
	some a in aws.in_unit(input.resource, t)
	count(object.get(a.refs, "resource_arn", [])) == 0
}
