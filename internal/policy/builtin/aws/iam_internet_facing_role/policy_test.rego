package onus.aws.iam_internet_facing_role_test

import data.onus.aws.iam_internet_facing_role
import data.onus.lib.aws.fixture as fx

role := fx.tf("aws_iam_role", "web", {"name": "web"})

profile := fx.refs(fx.tf("aws_iam_instance_profile", "web", {"name": "web"}), {"role": [role.id]})

instance(attrs) := fx.refs(fx.tf("aws_instance", "web", attrs), {"iam_instance_profile": [profile.id]})

s3_all := fx.refs(fx.tf("aws_iam_role_policy", "web", {"policy": json.marshal({"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]})}), {"role": [role.id]})

admin_attachment := fx.refs(fx.tf("aws_iam_role_policy_attachment", "web", {"role": "web", "policy_arn": "arn:aws:iam::aws:policy/AdministratorAccess"}), {"role": [role.id]})

deny(r, rs) := d if {
	d := iam_internet_facing_role.deny with input.resource as r with data.onus.estate as fx.estate(rs)
}

test_public_instance_with_s3_wildcard if {
	i := instance({"associate_public_ip_address": true})
	[f] := [f | some f in deny(s3_all, [role, profile, i, s3_all])]
	f.path == "policy"
	f.severity == "high"
	contains(f.msg, "every action of s3:* on every resource")
	contains(f.msg, "aws_instance.web")
}

test_public_instance_with_admin if {
	i := instance({"associate_public_ip_address": true})
	[f] := [f | some f in deny(admin_attachment, [role, profile, i, admin_attachment])]
	f.path == "policy_arn"
	f.severity == "critical"
}

test_private_instance_allowed if {
	i := instance({"associate_public_ip_address": false})
	count(deny(s3_all, [role, profile, i, s3_all])) == 0
}

test_public_subnet if {
	s := fx.tf("aws_subnet", "public", {"map_public_ip_on_launch": true})
	i := fx.refs(fx.tf("aws_instance", "web", {}), {"iam_instance_profile": [profile.id], "subnet_id": [s.id]})
	[f] := [f | some f in deny(s3_all, [role, profile, s, i, s3_all])]
	contains(f.msg, "its subnet assigns public IP addresses")
}

test_elastic_ip if {
	i := instance({})
	eip := fx.refs(fx.tf("aws_eip", "web", {}), {"instance": [i.id]})
	count(deny(s3_all, [role, profile, i, eip, s3_all])) == 1
}

test_behind_internet_facing_lb if {
	i := instance({})
	lb := fx.tf("aws_lb", "web", {"internal": false})
	tg := fx.tf("aws_lb_target_group", "web", {})
	att := fx.refs(fx.tf("aws_lb_target_group_attachment", "web", {}), {"target_group_arn": [tg.id], "target_id": [i.id]})
	l := fx.refs(fx.tf("aws_lb_listener", "web", {}), {"load_balancer_arn": [lb.id], "default_action[0].target_group_arn": [tg.id]})
	[f] := [f | some f in deny(s3_all, [role, profile, i, lb, tg, att, l, s3_all])]
	contains(f.msg, "load balancer")
}

test_behind_internal_lb_allowed if {
	i := instance({})
	lb := fx.tf("aws_lb", "web", {"internal": true})
	tg := fx.tf("aws_lb_target_group", "web", {})
	att := fx.refs(fx.tf("aws_lb_target_group_attachment", "web", {}), {"target_group_arn": [tg.id], "target_id": [i.id]})
	l := fx.refs(fx.tf("aws_lb_listener", "web", {}), {"load_balancer_arn": [lb.id], "default_action[0].target_group_arn": [tg.id]})
	count(deny(s3_all, [role, profile, i, lb, tg, att, l, s3_all])) == 0
}

test_public_launch_template if {
	t := fx.refs(fx.tf("aws_launch_template", "web", {"network_interfaces": [{"associate_public_ip_address": "true"}]}), {"iam_instance_profile[0].name": [profile.id]})
	count(deny(s3_all, [role, profile, t, s3_all])) == 1
}

test_lambda_url_without_auth if {
	r := fx.tf("aws_iam_role", "fn", {"name": "fn", "managed_policy_arns": ["arn:aws:iam::aws:policy/AdministratorAccess"]})
	f := fx.refs(fx.tf("aws_lambda_function", "fn", {}), {"role": [r.id]})
	u := fx.refs(fx.tf("aws_lambda_function_url", "fn", {"authorization_type": "NONE"}), {"function_name": [f.id]})
	[x] := [x | some x in deny(r, [r, f, u])]
	x.path == "managed_policy_arns[0]"
}

test_scoped_policy_allowed if {
	i := instance({"associate_public_ip_address": true})
	p := fx.refs(fx.tf("aws_iam_role_policy", "web", {"policy": json.marshal({"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]})}), {"role": [role.id]})
	count(deny(p, [role, profile, i, p])) == 0
}
