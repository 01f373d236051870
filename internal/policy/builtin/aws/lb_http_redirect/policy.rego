# METADATA
# title: Load balancer serves plain HTTP without redirecting to HTTPS
# description: |
#   An HTTP listener that forwards to the application (instead of answering
#   with a redirect to HTTPS) carries sessions, credentials and personal
#   data in clear between the user and AWS. Checked on aws_lb_listener and
#   aws_alb_listener (protocol HTTP, or no protocol on port 80) whose default
#   action is not a redirect with protocol HTTPS, and on HTTP listeners of
#   Classic Load Balancers (aws_elb), which cannot redirect. Listeners of a
#   load balancer the scan knows to be internal are not reported.
#   In CloudFormation the listener is an
#   AWS::ElasticLoadBalancingV2::Listener (Protocol, or Port 80;
#   DefaultActions with a redirect whose RedirectConfig Protocol is HTTPS;
#   internal when the LoadBalancerArn names a load balancer with Scheme
#   internal), or a Listeners entry of a Classic
#   AWS::ElasticLoadBalancing::LoadBalancer.
# related_resources:
#   - ref: https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html#redirect-actions
# custom:
#   id: ONUS-AWS-048
#   severity: medium
#   category: encryption
#   layer: network
#   targets:
#     - kind: terraform
#       types: [aws_lb_listener, aws_alb_listener, aws_elb]
#     - kind: cloudformation
#       types: ["AWS::ElasticLoadBalancingV2::Listener", "AWS::ElasticLoadBalancing::LoadBalancer"]
#   controls:
#     nist-800-53: ["SC-8", "SC-8(1)", "SC-23"]
#     csa-ccm: ["CEK-03", "DSP-10"]
#     pci-dss: ["4.2.1"]
#   remediation: |
#     Make the HTTP listener's default_action a redirect
#     { protocol = "HTTPS", port = "443", status_code = "HTTP_301" } and serve
#     the application on an HTTPS listener; move Classic Load Balancers to an
#     Application Load Balancer.
#     In CloudFormation, give the HTTP listener DefaultActions of Type
#     redirect with RedirectConfig Protocol HTTPS, Port 443 and StatusCode
#     HTTP_301.
package onus.aws.lb_http_redirect

import data.onus.lib.aws.elb

deny contains {"msg": "the listener serves plain HTTP and does not redirect to HTTPS", "paths": [l.path, l.actions_path]} if {
	some l in elb.listeners(input.resource)
	l.protocol == "HTTP"
	not l.redirects
	not l.internal
}
