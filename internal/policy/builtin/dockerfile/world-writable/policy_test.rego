package onus.dockerfile.world_writable_test

import data.onus.dockerfile.world_writable

stage(attrs) := {"kind": "dockerfile", "type": "stage", "attrs": attrs}

run(cmd) := stage({"final": true, "run": [{"command": cmd}]})

test_777 if count(world_writable.deny) == 1 with input.resource as run("chmod -R 777 /app")

test_o_w if count(world_writable.deny) == 1 with input.resource as run("chmod a+rwx /data")

test_755 if count(world_writable.deny) == 0 with input.resource as run("chmod 755 /app/run.sh && chmod u+x /app/x")

test_copy_chmod if count(world_writable.deny) == 1 with input.resource as stage({"final": true, "copy": [{"chmod": "0777"}]})
