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

# --- CloudFormation ----------------------------------------------------------

cfn_s3_all := {"PolicyName": "s3", "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}}

cfn_role := fx.cfn("AWS::IAM::Role", "WebRole", {"Policies": [cfn_s3_all]})

cfn_profile := fx.unknown(fx.refs(fx.cfn("AWS::IAM::InstanceProfile", "WebProfile", {"Roles": []}), {"Roles[0]": [cfn_role.id]}), ["Roles[0]"])

cfn_instance(props) := fx.unknown(fx.refs(fx.cfn("AWS::EC2::Instance", "Web", props), {"IamInstanceProfile": [cfn_profile.id]}), ["IamInstanceProfile"])

test_cfn_public_instance if {
	i := cfn_instance({"NetworkInterfaces": [{"DeviceIndex": "0", "AssociatePublicIpAddress": true}]})
	[f] := [f | some f in deny(cfn_role, [cfn_role, cfn_profile, i])]
	f.path == "Policies[0].PolicyDocument"
	f.severity == "high"
	contains(f.msg, "the role WebRole, used by Web")
}

test_cfn_private_instance if {
	i := cfn_instance({})
	count(deny(cfn_role, [cfn_role, cfn_profile, i])) == 0
}

test_cfn_admin_policy_naming_role if {
	r := fx.cfn("AWS::IAM::Role", "WebRole", {})
	p := fx.unknown(fx.refs(fx.cfn("AWS::IAM::ManagedPolicy", "Admin", {"Roles": [], "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}}), {"Roles[0]": [r.id]}), ["Roles[0]"])
	i := cfn_instance({"NetworkInterfaces": [{"DeviceIndex": "0", "AssociatePublicIpAddress": "true"}]})
	[f] := [f | some f in deny(p, [r, p, cfn_profile, i])]
	f.severity == "critical"
	f.path == "PolicyDocument"
}

test_cfn_function_url_without_auth if {
	fn := fx.unknown(fx.refs(fx.cfn("AWS::Lambda::Function", "Fn", {}), {"Role": [cfn_role.id]}), ["Role"])
	url := fx.unknown(fx.refs(fx.cfn("AWS::Lambda::Url", "Url", {"AuthType": "NONE"}), {"TargetFunctionArn": [fn.id]}), ["TargetFunctionArn"])
	[f] := [f | some f in deny(cfn_role, [cfn_role, fn, url])]
	contains(f.msg, "its function URL needs no authentication")
}

test_cfn_function_url_with_iam_auth if {
	fn := fx.unknown(fx.refs(fx.cfn("AWS::Lambda::Function", "Fn", {}), {"Role": [cfn_role.id]}), ["Role"])
	url := fx.unknown(fx.refs(fx.cfn("AWS::Lambda::Url", "Url", {"AuthType": "AWS_IAM"}), {"TargetFunctionArn": [fn.id]}), ["TargetFunctionArn"])
	count(deny(cfn_role, [cfn_role, fn, url])) == 0
}

test_cfn_sam_function_own_policies if {
	fn := fx.cfn("AWS::Serverless::Function", "Api", {"Policies": ["AmazonDynamoDBFullAccess", {"Statement": [{"Effect": "Allow", "Action": "dynamodb:*", "Resource": "*"}]}], "FunctionUrlConfig": {"AuthType": "NONE"}})
	[f] := [f | some f in deny(fn, [fn])]
	f.path == "Policies[1]"
	contains(f.msg, "the role of the function Api")
}
