# METADATA
# title: Secret in ENV or ARG
# description: |
#   ENV values are baked into the image configuration and ARG values into its
#   build history (docker history shows them); both are readable by anyone who
#   can pull the image, and the Dockerfile puts the secret in version control.
#   Flagged: an ENV whose name looks like a secret (password, secret, token,
#   api key, access key, private key, credential) with a literal value; an ARG
#   with such a name (build arguments are recorded whatever their source); and
#   any ENV or ARG value that has the shape of a known credential (AWS access
#   key, GitHub or GitLab token, Slack token, Stripe key, Google API key,
#   private key, credentials in a URL). Names ending in _FILE, _PATH, _DIR,
#   _URL, _ID or _NAME are not secret-like (PASSWORD_FILE points at a secret).
# related_resources:
#   - ref: https://docs.docker.com/build/building/secrets/
# custom:
#   id: ONUS-DF-004
#   severity: high
#   category: secrets
#   layer: application
#   targets:
#     - kind: dockerfile
#       types: ["stage"]
#   controls:
#     cis-docker: ["4.10"]
#     nist-800-53: ["IA-5(7)", "SC-28"]
#   params:
#     allowed: {default: [], description: ENV or ARG names never flagged}
#   remediation: |
#     Pass secrets at build time with RUN --mount=type=secret (docker build
#     --secret) and at run time through the orchestrator's secret store; rotate
#     any credential that was committed.
package onus.dockerfile.secrets_in_env_arg

import data.onus.lib.docker

secret_name(k) if {
	regex.match(`(?i)(passw(or)?d|passwd|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|credential|auth[_-]?key|conn(ection)?[_-]?str)`, k)
	not regex.match(`(?i)(_FILE|_PATH|_DIR|_URL|_ID|_NAME|_LENGTH|_TTL)$`, k)
}

token_value(v) if regex.match(`(AKIA|ASIA)[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{22,}|glpat-[A-Za-z0-9_-]{20}|xox[abprs]-[A-Za-z0-9-]{10,}|sk_live_[A-Za-z0-9]{16,}|AIza[0-9A-Za-z_-]{35}|-----BEGIN [A-Z ]*PRIVATE KEY|[a-z][a-z0-9+.-]*://[^/\s:@$]+:[^/\s@$]+@`, v)

literal(v) if {
	v != ""
	not startswith(v, "$")
}

deny contains {"msg": msg, "path": sprintf("envs[%d]", [i])} if {
	some i, e in object.get(input.resource.attrs, "envs", [])
	not e.key in input.params.allowed
	secret_name(e.key)
	literal(e.raw)
	not token_value(e.raw)
	msg := sprintf("ENV %s holds a literal secret", [e.key])
}

deny contains {"msg": msg, "path": sprintf("%s[%d]", [list, i])} if {
	some list in ["args", "global_args"]
	some i, a in object.get(input.resource.attrs, list, [])
	not a.key in input.params.allowed
	secret_name(a.key)
	not token_value(object.get(a, "value", ""))
	msg := sprintf("ARG %s looks like a secret: build arguments are recorded in the image history", [a.key])
}

deny contains {"msg": msg, "path": sprintf("%s[%d]", [list, i]), "severity": "critical"} if {
	some list, field in {"envs": "raw", "args": "value", "global_args": "value"}
	some i, e in object.get(input.resource.attrs, list, [])
	not e.key in input.params.allowed
	token_value(object.get(e, field, ""))
	msg := sprintf("%s %s holds a credential", [upper(trim_suffix(trim_prefix(list, "global_"), "s")), e.key])
}
