# METADATA
# title: Secret written into a RUN command
# description: |
#   A password or token written in a RUN line is stored in the Dockerfile and
#   in the image history. Flagged: setting passwords with chpasswd or passwd
#   --stdin, --password / -p options with a literal value, curl -u user:pass,
#   credentials in URLs, and values that have the shape of a known credential
#   (AWS access key, GitHub or GitLab token, Slack token).
# custom:
#   id: ONUS-DF-023
#   severity: high
#   category: secrets
#   layer: application
#   targets:
#     - kind: dockerfile
#       types: ["stage"]
#   controls:
#     cis-docker: ["4.10"]
#     nist-800-53: ["IA-5(7)"]
#   remediation: |
#     Mount the secret at build time (RUN --mount=type=secret,id=x) and read it from the file; rotate the exposed credential.
package onus.dockerfile.secrets_in_run

import data.onus.lib.docker

patterns := [
	`\bchpasswd\b`,
	`\bpasswd\s+--stdin\b`,
	`(^|\s)--password[= ]+[^\s$-][^\s]*`,
	`\b(mysql|mysqladmin|mariadb)\b[^|;&\n]*\s-p[^\s$]+`,
	`\bcurl\b[^|;&\n]*\s(-u|--user)\s+[^\s:$]+:[^\s$]+`,
	`[a-z][a-z0-9+.-]*://[^/\s:@$]+:[^/\s@$]+@`,
	`(AKIA|ASIA)[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{22,}|glpat-[A-Za-z0-9_-]{20}|xox[abprs]-[A-Za-z0-9-]{10,}`,
]

deny contains {"msg": "RUN writes a secret into the command line, which the image history keeps", "path": r.path} if {
	some r in docker.runs
	some p in patterns
	regex.match(p, r.command)
}
