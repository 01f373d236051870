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
#   In CloudFormation the load balancer is an
#   AWS::ElasticLoadBalancingV2::LoadBalancer (Type application by default,
#   Scheme internet-facing by default), protected by an
#   AWS::WAFv2::WebACLAssociation or AWS::WAFRegional::WebACLAssociation
#   whose ResourceArn refers to it (!Ref).
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
#     - kind: cloudformation
#       types: ["AWS::ElasticLoadBalancingV2::LoadBalancer"]
#   controls:
#     nist-800-53: ["SC-7", "SI-3", "SI-4"]
#     csa-ccm: ["AIS-07", "IVS-09"]
#     pci-dss: ["6.4.2"]
#   remediation: |
#     Create an aws_wafv2_web_acl (scope REGIONAL) with the AWS managed rule
#     groups (AWSManagedRulesCommonRuleSet, AWSManagedRulesKnownBadInputsRuleSet)
#     and attach it with aws_wafv2_web_acl_association.
#     In CloudFormation, add an AWS::WAFv2::WebACLAssociation with
#     ResourceArn: !Ref TheLoadBalancer and WebACLArn of a web ACL using the
#     AWS managed rule groups.
package onus.aws.lb_waf

import data.onus.lib.aws.elb

deny contains result if {
	lb := elb.load_balancer(input.resource)
	lb.application
	not lb.internal
	not elb.waf_protected(input.resource)
	result := {
		"msg": "the internet-facing Application Load Balancer has no WAF web ACL",
		"paths": lb.paths,
		"undetermined": elb.unresolved_waf_association(input.resource),
	}
}
