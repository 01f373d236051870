package onus.dockerfile.insecure_download_test

import data.onus.dockerfile.insecure_download

stage(attrs) := {"kind": "dockerfile", "type": "stage", "attrs": attrs}

run(cmd) := stage({"run": [{"command": cmd}]})

test_curl_k if count(insecure_download.deny) == 1 with input.resource as run("curl -fsSLk https://x/y -o y")

test_curl_ok if count(insecure_download.deny) == 0 with input.resource as run("curl -fsSL https://x/y -o /tmp/k")

test_wget if count(insecure_download.deny) == 1 with input.resource as run("wget --no-check-certificate https://x/y")

test_pip if count(insecure_download.deny) == 1 with input.resource as run("pip install --trusted-host pypi.example.com flask")

test_apt if count(insecure_download.deny) == 1 with input.resource as run("apt-get install -y --allow-unauthenticated x")

test_env if count(insecure_download.deny) == 1 with input.resource as stage({"envs": [{"key": "NODE_TLS_REJECT_UNAUTHORIZED", "value": "0"}]})
