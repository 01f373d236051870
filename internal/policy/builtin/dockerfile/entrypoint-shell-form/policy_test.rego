package onus.dockerfile.entrypoint_shell_form_test

import data.onus.dockerfile.entrypoint_shell_form

stage(attrs) := {"kind": "dockerfile", "type": "stage", "attrs": attrs}

ep(cmd, exec) := stage({"final": true, "entrypoint": [{"command": cmd, "exec": exec}]})

test_shell if count(entrypoint_shell_form.deny) == 1 with input.resource as ep("/app serve", false)

test_exec if count(entrypoint_shell_form.deny) == 0 with input.resource as ep("/app serve", true)

test_shell_exec if count(entrypoint_shell_form.deny) == 0 with input.resource as ep("exec /app serve", false)
