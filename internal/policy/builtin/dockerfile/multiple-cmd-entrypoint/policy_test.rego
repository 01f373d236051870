package onus.dockerfile.multiple_cmd_entrypoint_test

import data.onus.dockerfile.multiple_cmd_entrypoint

stage(attrs) := {"kind": "dockerfile", "type": "stage", "attrs": attrs}

test_two_cmds if count(multiple_cmd_entrypoint.deny) == 1 with input.resource as stage({"final": true, "cmd": [{"command": "a"}, {"command": "b"}]})

test_one_each if count(multiple_cmd_entrypoint.deny) == 0 with input.resource as stage({"final": true, "cmd": [{"command": "a"}], "entrypoint": [{"command": "b"}]})
