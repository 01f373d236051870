package onus.dockerfile.missing_healthcheck_test

import data.onus.dockerfile.missing_healthcheck

stage(attrs) := {"kind": "dockerfile", "type": "stage", "attrs": attrs}

test_missing if count(missing_healthcheck.deny) == 1 with input.resource as stage({"final": true})

test_none if count(missing_healthcheck.deny) == 1 with input.resource as stage({"final": true, "healthcheck": {"none": true}})

test_present if count(missing_healthcheck.deny) == 0 with input.resource as stage({"final": true, "healthcheck": {"none": false, "test": ["CMD", "true"]}})

test_builder if count(missing_healthcheck.deny) == 0 with input.resource as stage({"final": false})
