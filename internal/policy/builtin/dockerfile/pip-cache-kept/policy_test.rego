package onus.dockerfile.pip_cache_kept_test

import data.onus.dockerfile.pip_cache_kept

stage(attrs) := {"kind": "dockerfile", "type": "stage", "attrs": attrs}

run(cmd) := stage({"final": true, "run": [{"command": cmd, "flags": []}]})

  test_kept if count(pip_cache_kept.deny) == 1 with input.resource as run("pip install -r requirements.txt")

  test_python_m if count(pip_cache_kept.deny) == 1 with input.resource as run("python3 -m pip install flask")

  test_no_cache if count(pip_cache_kept.deny) == 0 with input.resource as run("pip install --no-cache-dir flask")

  test_env if count(pip_cache_kept.deny) == 0 with input.resource as stage({"final": true, "env": {"PIP_NO_CACHE_DIR": "1"}, "run": [{"command": "pip install flask", "flags": []}]})
