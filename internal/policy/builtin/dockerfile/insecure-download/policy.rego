# METADATA
# title: Download or package install without TLS or signature checks
# description: |
#   Turning off certificate or signature verification (curl -k, wget
#   --no-check-certificate, pip --trusted-host, apt --allow-unauthenticated,
#   apk --allow-untrusted, yum --nogpgcheck, npm strict-ssl false, git
#   sslVerify false) lets anyone on the network path swap what the build
#   installs.
# custom:
#   id: ONUS-DF-024
#   severity: high
#   category: encryption
#   layer: middleware
#   targets:
#     - kind: dockerfile
#       types: ["stage"]
#   controls:
#     cis-docker: ["4.11"]
#     nist-800-53: ["SC-8", "SI-7"]
#   remediation: |
#     Remove the option; install the missing CA certificate or the repository's signing key instead.
package onus.dockerfile.insecure_download

import data.onus.lib.docker

patterns := {
	"curl -k / --insecure": `\bcurl\b[^|;&\n]*\s(-[a-zA-Z]*k[a-zA-Z]*|--insecure)(\s|$)`,
	"wget --no-check-certificate": `\bwget\b[^|;&\n]*--no-check-certificate`,
	"pip --trusted-host": `\bpip[0-9.]*\b[^|;&\n]*--trusted-host`,
	"apt --allow-unauthenticated": `--allow-unauthenticated|--force-yes|AllowUnauthenticated\s*=?\s*"?true|\[trusted=yes\]`,
	"apk --allow-untrusted": `\bapk\b[^|;&\n]*--allow-untrusted`,
	"yum/dnf --nogpgcheck": `--nogpgcheck|gpgcheck\s*=\s*0`,
	"npm strict-ssl false": `strict-ssl\s*(=\s*|\s+)false`,
	"git sslVerify false": `(?i)sslverify\s*(=\s*|\s+)false|GIT_SSL_NO_VERIFY`,
	"NODE_TLS_REJECT_UNAUTHORIZED=0": `NODE_TLS_REJECT_UNAUTHORIZED=0`,
}

deny contains {"msg": msg, "path": r.path} if {
	some r in docker.runs
	some name, p in patterns
	regex.match(p, r.command)
	msg := sprintf("RUN turns off download verification (%s)", [name])
}

deny contains {"msg": msg, "path": sprintf("envs[%d]", [i])} if {
	some i, e in object.get(input.resource.attrs, "envs", [])
	bad(e.key, object.get(e, "value", ""))
	msg := sprintf("ENV %s turns off certificate verification", [e.key])
}

bad("NODE_TLS_REJECT_UNAUTHORIZED", "0")

bad("PYTHONHTTPSVERIFY", "0")

bad("GIT_SSL_NO_VERIFY", v) if not v in {"0", "false", ""}

bad("CURL_INSECURE", v) if v in {"1", "true"}
