# METADATA
# title: End-of-life releases of common base images
# description: |
#   The last day of free security support of the releases behind common
#   Docker official images, from each project's published schedule. The
#   table is data: update it (and as_of) when a project publishes a new
#   schedule; the policy compares it with time.now_ns(), so
#   `onus scan --now DATE` gives reproducible answers.
#   Where a project offers paid extended support (Ubuntu ESM, Debian ELTS,
#   CentOS ELS), the date is the end of the free support the Docker image
#   receives; Debian's date is the end of Debian LTS.
package onus.lib.docker.eol

# as_of is the day the table was last checked against its sources.
as_of := "2026-11-01"

# sources names where each product's dates come from.
sources := {
	"debian": "https://wiki.debian.org/LTS",
	"ubuntu": "https://ubuntu.com/about/release-cycle",
	"alpine": "https://alpinelinux.org/releases/",
	"centos": "https://www.centos.org/centos-linux-eol/",
	"amazonlinux": "https://aws.amazon.com/amazon-linux-2/faqs/",
	"node": "https://github.com/nodejs/Release",
	"python": "https://devguide.python.org/versions/",
	"openjdk": "https://hub.docker.com/_/openjdk (image deprecated; no updates after July 2022)",
	"adoptopenjdk": "https://hub.docker.com/_/adoptopenjdk (image deprecated August 2021)",
	"eclipse-temurin": "https://adoptium.net/support/",
	"tomcat": "https://tomcat.apache.org/whichversion.html",
	"nginx": "https://nginx.org/en/download.html (one stable branch is supported; the previous ends when the next is released)",
	"golang": "https://go.dev/doc/devel/release (each release is supported until two newer major releases exist)",
	"php": "https://www.php.net/supported-versions.php",
	"ruby": "https://www.ruby-lang.org/en/downloads/branches/",
	"postgres": "https://www.postgresql.org/support/versioning/",
	"mysql": "https://www.mysql.com/support/eol-notice.html",
	"mongo": "https://www.mongodb.com/legal/support-policy/lifecycles",
	"redis": "https://redis.io/docs/latest/operate/oss_and_stack/install/ (the latest and previous releases are maintained)",
}

# releases[product][release] is the last day of security support.
releases := {
	"debian": {"7": "2018-05-31", "8": "2020-06-30", "9": "2022-06-30", "10": "2024-06-30", "11": "2026-08-31", "12": "2028-06-30"},
	"ubuntu": {
		"12.04": "2017-04-28", "14.04": "2019-04-25", "16.04": "2021-04-30", "18.04": "2023-05-31",
		"20.04": "2025-05-31", "22.04": "2027-06-01", "24.04": "2029-05-31",
		"22.10": "2023-07-20", "23.04": "2024-01-25", "23.10": "2024-07-11", "24.10": "2025-07-10",
	},
	"alpine": {
		"3.10": "2021-05-01", "3.11": "2021-11-01", "3.12": "2022-05-01", "3.13": "2022-11-01",
		"3.14": "2023-05-01", "3.15": "2023-11-01", "3.16": "2024-05-23", "3.17": "2024-11-22",
		"3.18": "2025-05-09", "3.19": "2025-11-01", "3.20": "2026-04-01", "3.21": "2026-11-01", "3.22": "2027-05-01",
	},
	"centos": {"6": "2020-11-30", "7": "2024-06-30", "8": "2021-12-31"},
	"amazonlinux": {"1": "2023-12-31", "2018.03": "2023-12-31", "2": "2026-06-30"},
	"node": {
		"8": "2019-12-31", "10": "2021-04-30", "12": "2022-04-30", "13": "2020-06-01", "14": "2023-04-30",
		"15": "2021-06-01", "16": "2023-09-11", "17": "2022-06-01", "18": "2025-04-30", "19": "2023-06-01",
		"20": "2026-04-30", "21": "2024-06-01", "22": "2027-04-30", "23": "2025-06-01", "24": "2028-04-30",
	},
	"python": {
		"2.7": "2020-01-01", "3.5": "2020-09-30", "3.6": "2021-12-23", "3.7": "2023-06-27", "3.8": "2024-10-07",
		"3.9": "2025-10-31", "3.10": "2026-10-31", "3.11": "2027-10-31", "3.12": "2028-10-31", "3.13": "2029-10-31",
	},
	"openjdk": {
		"6": "2022-07-31", "7": "2022-07-31", "8": "2022-07-31", "9": "2022-07-31", "10": "2022-07-31",
		"11": "2022-07-31", "12": "2022-07-31", "13": "2022-07-31", "14": "2022-07-31", "15": "2022-07-31",
		"16": "2022-07-31", "17": "2022-07-31", "18": "2022-07-31",
	},
	"adoptopenjdk": {"8": "2021-08-01", "11": "2021-08-01", "14": "2021-08-01", "15": "2021-08-01", "16": "2021-08-01"},
	"eclipse-temurin": {
		"16": "2021-09-14", "18": "2022-09-20", "19": "2023-03-21", "20": "2023-09-19",
		"22": "2024-09-17", "23": "2025-03-18", "24": "2025-09-16",
	},
	"tomcat": {"7": "2021-03-31", "8.0": "2018-06-30", "8": "2024-03-31", "8.5": "2024-03-31", "10.0": "2022-10-31"},
	"nginx": {
		"1.18": "2021-05-25", "1.19": "2021-05-25", "1.20": "2022-05-24", "1.21": "2022-05-24",
		"1.22": "2023-04-11", "1.23": "2023-04-11", "1.24": "2024-04-23", "1.25": "2024-04-23",
		"1.26": "2025-04-23", "1.27": "2025-04-23",
	},
	"golang": {
		"1.18": "2023-02-01", "1.19": "2023-08-08", "1.20": "2024-02-06", "1.21": "2024-08-13",
		"1.22": "2025-02-11", "1.23": "2025-08-12", "1.24": "2026-02-10",
	},
	"php": {
		"5.6": "2018-12-31", "7.0": "2019-01-10", "7.1": "2019-12-01", "7.2": "2020-11-30", "7.3": "2021-12-06",
		"7.4": "2022-11-28", "8.0": "2023-11-26", "8.1": "2025-12-31", "8.2": "2026-12-31", "8.3": "2027-12-31",
	},
	"ruby": {"2.5": "2021-04-05", "2.6": "2022-04-12", "2.7": "2023-03-31", "3.0": "2024-04-23", "3.1": "2025-03-26", "3.2": "2026-03-31"},
	"postgres": {
		"9.5": "2021-02-11", "9.6": "2021-11-11", "10": "2022-11-10", "11": "2023-11-09",
		"12": "2024-11-21", "13": "2025-11-13", "14": "2026-11-12", "15": "2027-11-11",
	},
	"mysql": {"5.5": "2018-12-31", "5.6": "2021-02-28", "5.7": "2023-10-31", "8.0": "2026-04-30"},
	"mongo": {"3.6": "2021-04-30", "4.0": "2022-04-30", "4.2": "2023-04-30", "4.4": "2024-02-29", "5.0": "2024-10-31", "6.0": "2025-07-31"},
	"redis": {"3.2": "2018-10-31", "4.0": "2020-04-30", "5.0": "2022-04-27", "6.0": "2022-04-27"},
}

# codenames name distribution releases in tags ("buster", "jammy").
codenames := {
	"debian": {"wheezy": "7", "jessie": "8", "stretch": "9", "buster": "10", "bullseye": "11", "bookworm": "12", "trixie": "13"},
	"ubuntu": {
		"precise": "12.04", "trusty": "14.04", "xenial": "16.04", "bionic": "18.04", "focal": "20.04",
		"jammy": "22.04", "noble": "24.04", "kinetic": "22.10", "lunar": "23.04", "mantic": "23.10", "oracular": "24.10",
	},
}

# product maps an image name to its table ("library/python" and
# "docker.io/library/python" are already "python").
product(name) := p if {
	p := name
	releases[p]
}

product(name) := "eclipse-temurin" if startswith(name, "eclipse-temurin")

# candidates lists the releases a tag may name, the most specific first:
# a codename, then the version's major.minor.patch, major.minor, major.
candidates(p, tag) := array.concat(named, numbered) if {
	tokens := split(lower(tag), "-")
	named := [r | some t in tokens; r := codenames[p][t]]
	v := trim_prefix(tokens[0], p)
	parts := split(v, ".")
	numbered := [v, concat(".", array.slice(parts, 0, 2)), parts[0]]
}

# release_of is the table entry a tag of product p names.
release_of(p, tag) := r if {
	rs := [c | some c in candidates(p, tag); releases[p][c]]
	count(rs) > 0
	r := rs[0]
}

# hits lists the end-of-life facts of an image: the image's own release,
# and the distribution a tag names ("python:3.11-slim-buster" runs on
# Debian 10; "golang:1.22-alpine3.17" on Alpine 3.17).
# Each is {"product", "release", "eol"}; whether eol has passed is for the
# caller to judge against time.now_ns().
hits(name, tag) := own(name, tag) | distro(name, tag) | alpine(name, tag) if tag != ""

own(name, tag) := {{"product": p, "release": r, "eol": releases[p][r]} |
	p := product(name)
	r := release_of(p, tag)
}

distro(name, tag) := {{"product": d, "release": r, "eol": releases[d][r]} |
	not product(name) in {"debian", "ubuntu"}
	some t in split(lower(tag), "-")
	some d, names in codenames
	r := names[t]
	releases[d][r]
}

alpine(name, tag) := {{"product": "alpine", "release": r, "eol": releases.alpine[r]} |
	not product(name) == "alpine"
	some t in split(lower(tag), "-")
	m := regex.find_all_string_submatch_n(`^alpine(\d+\.\d+)`, t, 1)
	count(m) == 1
	r := m[0][1]
	releases.alpine[r]
}

# ended holds when an end-of-life date (YYYY-MM-DD) has passed: support
# ends at the end of that day.
ended(eol) if time.now_ns() >= time.add_date(time.parse_ns("2006-01-02", eol), 0, 0, 1)
