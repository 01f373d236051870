package onus.dockerfile.base_image_eol_test

import data.onus.dockerfile.base_image_eol

stage(attrs) := {"kind": "dockerfile", "type": "stage", "attrs": attrs}

from(name, tag) := stage({"from": {"image": concat(":", [name, tag]), "name": name, "tag": tag, "digest": ""}})

now := time.parse_ns("2006-01-02", "2026-11-01")

test_python_38 if {
	some r in base_image_eol.deny with input.resource as from("python", "3.8.10-slim") with time.now_ns as now
	r.details.product == "python"
	r.details.release == "3.8"
}

test_codename_in_tag if {
	rs := base_image_eol.deny with input.resource as from("python", "3.12-slim-buster") with time.now_ns as now
	{r.details.product | some r in rs} == {"debian"}
}

test_alpine_in_tag if {
	rs := base_image_eol.deny with input.resource as from("golang", "1.25-alpine3.17") with time.now_ns as now
	{r.details.release | some r in rs} == {"3.17"}
}

test_debian_codename if count(base_image_eol.deny) == 1 with input.resource as from("debian", "stretch-slim") with time.now_ns as now

test_ubuntu if count(base_image_eol.deny) == 1 with input.resource as from("ubuntu", "18.04") with time.now_ns as now

test_centos_prefix if count(base_image_eol.deny) == 1 with input.resource as from("centos", "centos7") with time.now_ns as now

test_supported if {
	count(base_image_eol.deny) == 0 with input.resource as from("python", "3.12-slim-bookworm") with time.now_ns as now
	count(base_image_eol.deny) == 0 with input.resource as from("node", "22-alpine") with time.now_ns as now
	count(base_image_eol.deny) == 0 with input.resource as from("tomcat", "9.0-jdk17") with time.now_ns as now
	count(base_image_eol.deny) == 0 with input.resource as from("myorg/app", "3.8") with time.now_ns as now
}

test_depends_on_now if {
	count(base_image_eol.deny) == 0 with input.resource as from("ubuntu", "22.04") with time.now_ns as now
	count(base_image_eol.deny) == 1 with input.resource as from("ubuntu", "22.04") with time.now_ns as time.parse_ns("2006-01-02", "2027-06-02")
}

test_last_day_still_supported if {
	count(base_image_eol.deny) == 0 with input.resource as from("postgres", "14") with time.now_ns as time.parse_ns("2006-01-02", "2026-11-12")
	count(base_image_eol.deny) == 1 with input.resource as from("postgres", "14") with time.now_ns as time.parse_ns("2006-01-02", "2026-11-13")
}
