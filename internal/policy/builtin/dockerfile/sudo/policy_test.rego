package onus.dockerfile.sudo_test

import data.onus.dockerfile.sudo

stage(attrs) := {"kind": "dockerfile", "type": "stage", "attrs": attrs}

run(cmd) := stage({"final": true, "run": [{"command": cmd}]})

test_sudo if count(sudo.deny) == 1 with input.resource as run("sudo make install")

test_sudo_after_and if count(sudo.deny) == 1 with input.resource as run("make && sudo make install")

test_installs_sudo if count(sudo.deny) == 1 with input.resource as run("apt-get install -y sudo")

test_word_in_path if count(sudo.deny) == 0 with input.resource as run("cat /etc/sudoers.d/x")

test_builder_stage if count(sudo.deny) == 0 with input.resource as stage({"final": false, "run": [{"command": "sudo make"}]})
