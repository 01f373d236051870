package onus.dockerfile.curl_pipe_shell_test

import data.onus.dockerfile.curl_pipe_shell

stage(attrs) := {"kind": "dockerfile", "type": "stage", "attrs": attrs}

run(cmd) := stage({"run": [{"command": cmd}]})

test_curl_sh if count(curl_pipe_shell.deny) == 1 with input.resource as run("curl -fsSL https://get.example.com | sh")

test_wget_sudo_bash if count(curl_pipe_shell.deny) == 1 with input.resource as run("wget -qO- https://x.io/i.sh | sudo -E bash -")

test_python if count(curl_pipe_shell.deny) == 1 with input.resource as run("curl -sSL https://install.python-poetry.org | python3 -")

test_subshell if count(curl_pipe_shell.deny) == 1 with input.resource as run("sh -c \"$(curl -fsSL https://x.io/i.sh)\"")

test_process_substitution if count(curl_pipe_shell.deny) == 1 with input.resource as run("bash <(curl -s https://x.io/i.sh)")

test_download_then_verify if count(curl_pipe_shell.deny) == 0 with input.resource as run("curl -fsSLo i.sh https://x.io/i.sh && echo \"ab  i.sh\" | sha256sum -c - && sh i.sh")

test_grep_pipe if count(curl_pipe_shell.deny) == 0 with input.resource as run("curl -s https://x.io/v | grep version")
