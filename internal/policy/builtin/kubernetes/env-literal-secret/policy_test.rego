package onus.kubernetes.env_literal_secret_test

import data.onus.kubernetes.env_literal_secret as policy

pod(env) := {"kind": "kubernetes", "type": "Pod", "pod": {
	"path": "spec",
	"spec": {},
	"containers": [{"name": "app", "kind": "container", "path": "spec.containers[0]", "container": {"env": env}}],
}}

hits(name, value) := n if {
	n := count(policy.deny) with input.resource as pod([{"name": name, "value": value}])
}

test_password_name if hits("DB_PASSWORD", "hunter2") == 1

test_api_key_name if hits("STRIPE_API_KEY", "abc123abc123") == 1

test_token_word_only if hits("TOKENIZER_MODE", "fast") == 0

test_reference_suffixes if {
	hits("DB_PASSWORD_FILE", "secrets/db") == 0
	hits("TOKEN_URL", "https://auth.example.com/token") == 0
	hits("AWS_ACCESS_KEY_ID", "not-a-key") == 0
	hits("SECRET_NAME", "db-creds") == 0
}

test_placeholders if {
	hits("ENABLE_TOKEN", "true") == 0
	hits("API_TOKEN", "$(API_TOKEN_FROM_SECRET)") == 0
	hits("SECRET", "") == 0
	hits("PWD", "/app") == 0
}

test_value_patterns if {
	hits("KEY_ID", "AKIAIOSFODNN7EXAMPLE") == 1
	hits("DATABASE_URL", "postgres://shop:s3cr3t@db:5432/shop") == 1
	hits("DATABASE_URL", "postgres://shop:$(DB_PASSWORD)@db:5432/shop") == 0
	hits("DATABASE_URL", "postgres://db:5432/shop") == 0
	hits("SIGNER", "-----BEGIN RSA PRIVATE KEY-----\nMIIE...") == 1
}

test_value_not_in_message if {
	some r in policy.deny with input.resource as pod([{"name": "DB_PASSWORD", "value": "hunter2"}])
	not contains(r.msg, "hunter2")
	r.path == "spec.containers[0].env[0].value"
}

test_configmap if {
	cm := {"kind": "kubernetes", "type": "ConfigMap", "attrs": {"data": {"smtp.password": "p4ss", "log.level": "debug"}}}
	some r in policy.deny with input.resource as cm
	r.path == "data[\"smtp.password\"]"
	count(policy.deny) == 1 with input.resource as cm
}

configmap_hits(files) := n if {
	n := count(policy.deny) with input.resource as {"kind": "kubernetes", "type": "ConfigMap", "attrs": {"data": files}}
}

test_configmap_files if {
	# a file is searched for private key blocks and URLs with passwords
	configmap_hits({"app.properties": "log.level = debug\ndb.url = postgres://shop:s3cr3t@db:5432/shop\n"}) == 1
	configmap_hits({"tls.pem": "# server key\n-----BEGIN EC PRIVATE KEY-----\nMHcCAQEE...\n-----END EC PRIVATE KEY-----\n"}) == 1

	# the whole-value patterns (tokens) do not match inside a file
	configmap_hits({"app.properties": "log.level = debug\naws.key.id = AKIAIOSFODNN7EXAMPLE\n"}) == 0
	configmap_hits({"app.properties": "log.level = debug\ndb.url = postgres://db:5432/shop\nworkers = 4\n"}) == 0
}

test_names_in_one_container if {
	env := [
		{"name": "LOG_LEVEL", "value": "debug"},
		{"name": "db.Password", "value": "x"},
		{"name": "MY_TOKEN_VALUE", "value": "abc"},
		{"name": "PASSAGE", "value": "y"},
		{"name": "X-api-key", "value": "k"},
		{"name": "SECRET_REF", "valueFrom": {"secretKeyRef": {"name": "s", "key": "k"}}},
		{"name": "CALLBACK", "value": "https://hooks.example.com/x"},
		{"name": "WEBHOOK", "value": "https://bot:hunter22@hooks.example.com/x"},
	]
	paths := {r.path | some r in policy.deny with input.resource as pod(env)}
	paths == {"spec.containers[0].env[1].value", "spec.containers[0].env[2].value", "spec.containers[0].env[4].value", "spec.containers[0].env[7].value"}
}

test_named_and_credential_value_once if {
	# both passes find it; the set keeps one finding, with the value's reason
	hits("GITHUB_TOKEN", "ghp_abcdefghijklmnopqrstuvwxyz0123456789") == 1
	some r in policy.deny with input.resource as pod([{"name": "GITHUB_TOKEN", "value": "ghp_abcdefghijklmnopqrstuvwxyz0123456789"}])
	contains(r.msg, "GitHub token")
}
