package onus.dockerfile.secrets_in_env_arg_test

import data.onus.dockerfile.secrets_in_env_arg

stage(attrs) := {"kind": "dockerfile", "type": "stage", "attrs": attrs}

env(k, v) := stage({"envs": [{"key": k, "raw": v, "value": v}]})

arg(k) := stage({"args": [{"key": k}]})

p := {"allowed": []}

test_env_password if count(secrets_in_env_arg.deny) == 1 with input.resource as env("DB_PASSWORD", "hunter2") with input.params as p

test_env_reference_ok if count(secrets_in_env_arg.deny) == 0 with input.resource as env("DB_PASSWORD", "${PW}") with input.params as p

test_env_file_ok if count(secrets_in_env_arg.deny) == 0 with input.resource as env("DB_PASSWORD_FILE", "/run/secrets/db") with input.params as p

test_env_plain_ok if count(secrets_in_env_arg.deny) == 0 with input.resource as env("PORT", "8080") with input.params as p

test_token_value_any_name if {
	some r in secrets_in_env_arg.deny with input.resource as env("CONFIG", "AKIAABCDEFGHIJKLMNOP") with input.params as p
	r.severity == "critical"
}

test_url_credentials if count(secrets_in_env_arg.deny) == 1 with input.resource as env("DATABASE", "postgres://app:s3cret@db/app") with input.params as p

test_arg_secret_name if count(secrets_in_env_arg.deny) == 1 with input.resource as arg("NPM_TOKEN") with input.params as p

test_allowed if count(secrets_in_env_arg.deny) == 0 with input.resource as arg("NPM_TOKEN") with input.params as {"allowed": ["NPM_TOKEN"]}
