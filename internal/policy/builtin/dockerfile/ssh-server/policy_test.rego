package onus.dockerfile.ssh_server_test

import data.onus.dockerfile.ssh_server

stage(attrs) := {"kind": "dockerfile", "type": "stage", "attrs": attrs}

test_install if count(ssh_server.deny) == 1 with input.resource as stage({"final": true, "run": [{"command": "apt-get install -y openssh-server"}]})

test_expose if count(ssh_server.deny) == 1 with input.resource as stage({"final": true, "expose": [{"port": 22, "end_port": 22, "protocol": "tcp"}]})

test_cmd if count(ssh_server.deny) == 1 with input.resource as stage({"final": true, "cmd": [{"command": "/usr/sbin/sshd -D"}]})

test_client_ok if count(ssh_server.deny) == 0 with input.resource as stage({"final": true, "run": [{"command": "apk add --no-cache openssh-client"}]})
