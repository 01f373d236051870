# METADATA
# title: Secret written in plain text in an environment variable or ConfigMap
# description: |
#   A credential typed into a manifest is in the repository's history, in
#   every rendered chart, in `kubectl describe` output and readable by anyone
#   who can read the workload or ConfigMap, which RBAC treats as far less
#   sensitive than a Secret. onus looks for two signs, and never prints the
#   value it found:
#   - an environment variable (or ConfigMap key) whose name says it holds a
#     secret (PASSWORD, PASSWD, PASS, SECRET, TOKEN, CREDENTIALS, API_KEY,
#     PRIVATE_KEY, ACCESS_KEY, SECRET_KEY, CLIENT_SECRET, SIGNING_KEY,
#     ENCRYPTION_KEY as a word of the name) with a literal value — names
#     ending in _FILE, _PATH, _DIR, _NAME, _REF, _ID, _URL, _ENABLED and the
#     like hold a reference, not a secret, and values that are empty,
#     booleans, file paths or $(VAR) references are ignored;
#   - a value that looks like a credential whatever its name: a private key
#     block, an AWS access key id, a GitHub, Slack, Stripe or Google API
#     token, a JSON Web Token, or a URL with a password in it.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-environment-variables
# custom:
#   id: ONUS-K8S-027
#   severity: high
#   category: secrets
#   layer: data-access
#   targets:
#     - kind: kubernetes
#       types: ["@workload", "ConfigMap"]
#   controls:
#     nsa-cisa-kubernetes: ["network-separation/secrets"]
#     nist-800-53: ["IA-5(7)", "SC-28"]
#   remediation: |
#     Rotate the credential: it has leaked. Store the new one in a Secret
#     (created by an external secrets operator or sealed, not committed in
#     clear) and mount it as a file, or reference it with
#     `valueFrom.secretKeyRef`.
package onus.kubernetes.env_literal_secret

import data.onus.lib.kubernetes as k8s

secret_words := `(pass|passwd|password|passphrase|secret|token|credentials?|api[_.-]?key|apikey|private[_.-]?key|access[_.-]?key|secret[_.-]?key|client[_.-]?secret|signing[_.-]?key|encryption[_.-]?key|auth[_.-]?token)`

# secret_name matches a name that has one of secret_words as a word.
secret_name := concat("", [`(?i)(^|[_.-])`, secret_words, `([_.-]|$)`])

# secret_line matches a whole line that secret_name matches.
secret_line := concat("", ["(?im)^(?:[^\n]*[_.-])?", secret_words, "(?:[_.-][^\n]*)?$"])

reference_suffix := `(?i)[_.-](file|path|dir|name|ref|id|url|uri|host|port|user|username|enabled|disabled|required|length|ttl|expiry|expires|timeout|type|header|field|version|mount|location|endpoint)$`

# value patterns that are credentials whatever the name
value_patterns := {
	"a private key": `-----BEGIN [A-Z ]*PRIVATE KEY-----`,
	"an AWS access key id": `^(AKIA|ASIA)[0-9A-Z]{16}$`,
	"a GitHub token": `^(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})$`,
	"a Slack token": `^xox[abprs]-[A-Za-z0-9-]{10,}$`,
	"a Stripe secret key": `^[sr]k_live_[A-Za-z0-9]{20,}$`,
	"a Google API key": `^AIza[0-9A-Za-z_-]{35}$`,
	"a JSON Web Token": `^eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*$`,
	"a URL with a password": `[A-Za-z][A-Za-z0-9+.-]*://[^/\s:@]+:[^/\s@$][^/\s@]*@`,
}

# any_value_pattern is the union of value_patterns, tried first so that an
# ordinary value costs at most one regular expression match.
any_value_pattern := `-----BEGIN [A-Z ]*PRIVATE KEY-----|^(AKIA|ASIA)[0-9A-Z]{16}$|^(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})$|^xox[abprs]-[A-Za-z0-9-]{10,}$|^[sr]k_live_[A-Za-z0-9]{20,}$|^AIza[0-9A-Za-z_-]{35}$|^eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*$|[A-Za-z][A-Za-z0-9+.-]*://[^/\s:@]+:[^/\s@$][^/\s@]*@`

# workloads: env[].value, in two passes over a container's variables that
# call no function per variable, so that the usual variable (a short value
# under an ordinary name) costs a few built-in calls: the variables whose
# name says they hold a secret (found with one match over all the names),
# and those whose long literal value may be a credential. A variable in
# both gives the same result twice, which the set keeps once.
deny contains {"msg": msg, "path": path} if {
	some c in k8s.containers
	env := c.container.env
	named := secret_named(env)
	count(named) > 0
	some i, e in env
	e.name in named
	value := e.value
	is_string(value)
	reason := why(e.name, value)
	msg := sprintf("%s %q sets %s to a literal value that %s", [c.kind, c.name, e.name, reason])
	path := sprintf("%s.env[%d].value", [c.path, i])
}

deny contains {"msg": msg, "path": path} if {
	some c in k8s.containers
	some i, e in c.container.env
	value := e.value
	is_string(value)
	count(value) >= 16
	may_be_credential(value)
	reason := why(e.name, value)
	msg := sprintf("%s %q sets %s to a literal value that %s", [c.kind, c.name, e.name, reason])
	path := sprintf("%s.env[%d].value", [c.path, i])
}

# secret_named holds the names of a container's variables that secret_name
# matches, found with one match over all its names rather than one per
# variable.
secret_named(env) := {n | some n in regex.find_n(secret_line, concat("\n", [n | some e in env; n := e.name; is_string(n)]), -1)}

# ConfigMaps: data keys
deny contains {"msg": msg, "path": path} if {
	input.resource.type == "ConfigMap"
	some key, value in object.get(input.resource.attrs, "data", {})
	is_string(value)
	reason := why(key, value)
	msg := sprintf("ConfigMap key %s holds a value that %s; ConfigMaps are not secret", [key, reason])
	path := sprintf("data[%q]", [key])
}

why(name, value) := reason if {
	count(value) >= 16 # every value pattern needs at least that many characters
	may_be_credential(value)
	regex.match(any_value_pattern, value)
	some reason, pattern in value_patterns
	regex.match(pattern, value)
} else := "its name marks as a secret" if {
	is_string(name)
	regex.match(secret_name, name)
	not regex.match(reference_suffix, name)
	not upper(name) in {"PWD", "OLDPWD"}
	not placeholder(value)
}

# may_be_credential holds for the values value_patterns can match: those
# that hold a private key block or a URL, and those that are one token (the
# other patterns match whole values, without spaces). A file kept in a
# ConfigMap (a properties file, an nginx.conf) is then spared the patterns,
# which cost time in proportion to its length.
may_be_credential(v) if contains(v, "PRIVATE KEY-----")

may_be_credential(v) if contains(v, "://")

may_be_credential(v) if not regex.match(`\s`, v)

placeholder(v) if trim_space(v) == ""

placeholder(v) if lower(v) in {"true", "false", "yes", "no", "on", "off", "enabled", "disabled", "none", "null"}

placeholder(v) if startswith(v, "/")

placeholder(v) if regex.match(`^\$\([A-Za-z_][A-Za-z0-9_]*\)$`, v)
