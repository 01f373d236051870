package onus.dockerfile.secrets_in_run_test

import data.onus.dockerfile.secrets_in_run

stage(attrs) := {"kind": "dockerfile", "type": "stage", "attrs": attrs}

run(cmd) := stage({"run": [{"command": cmd}]})

test_chpasswd if count(secrets_in_run.deny) == 1 with input.resource as run("echo 'root:toor' | chpasswd")

test_password_flag if count(secrets_in_run.deny) == 1 with input.resource as run("app init --password hunter2")

test_password_variable if count(secrets_in_run.deny) == 0 with input.resource as run("app init --password $(cat /run/secrets/pw)")

test_curl_user if count(secrets_in_run.deny) == 1 with input.resource as run("curl -u deploy:s3cret https://repo/x")

test_url if count(secrets_in_run.deny) == 1 with input.resource as run("git clone https://ci:glpat-abcdefghijklmnopqrst@gitlab.com/x.git")

test_clean if count(secrets_in_run.deny) == 0 with input.resource as run("make && make install")
