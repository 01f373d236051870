package onus.dockerfile.privileged_port_test

import data.onus.dockerfile.privileged_port

stage(attrs) := {"kind": "dockerfile", "type": "stage", "attrs": attrs}

exp(p) := stage({"final": true, "expose": [{"port": p, "end_port": p, "protocol": "tcp"}]})

test_80 if count(privileged_port.deny) == 1 with input.resource as exp(80) with input.params as {"allowed": []}

test_allowed if count(privileged_port.deny) == 0 with input.resource as exp(80) with input.params as {"allowed": [80]}

test_8080 if count(privileged_port.deny) == 0 with input.resource as exp(8080) with input.params as {"allowed": []}
