# METADATA
# title: Secret passed to a container as environment variables
# description: |
#   Secrets in environment variables leak more easily than secrets in files:
#   the application logs its environment on a crash, child processes and
#   exec'd tools inherit it, /proc/PID/environ exposes it to anything that
#   shares the process namespace, and a rotated Secret needs a restart to
#   take effect. Mounted as a volume, the Secret is a file readable only by
#   the container (set defaultMode) and updates in place. One finding per
#   container names the variables that come from a Secret
#   (valueFrom.secretKeyRef and envFrom.secretRef) and points at the first.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/secrets-good-practices/
# custom:
#   id: ONUS-K8S-028
#   severity: low
#   category: secrets
#   layer: data-access
#   targets:
#     - kind: kubernetes
#       types: ["@workload"]
#   controls:
#     cis-kubernetes: ["5.4.1"]
#     nsa-cisa-kubernetes: ["network-separation/secrets"]
#     nist-800-53: ["IA-5"]
#   remediation: |
#     Mount the Secret as a volume (`volumes[].secret`, `defaultMode: 0400`)
#     and have the application read the file (many accept `*_FILE`
#     variables pointing at it).
package onus.kubernetes.env_secret_ref

import data.onus.lib.kubernetes as k8s

deny contains {"msg": msg, "path": path} if {
	some c in k8s.containers
	env_refs := [i | some i, e in object.get(c.container, "env", []); e.valueFrom.secretKeyRef]
	from_refs := [i | some i, e in object.get(c.container, "envFrom", []); e.secretRef]
	total := count(env_refs) + count(from_refs)
	total > 0
	# the message names at most four (see summary)
	names := array.concat(
		[sprintf("%v", [c.container.env[i].name]) | some i in array.slice(env_refs, 0, 4)],
		[sprintf("every key of Secret %s", [object.get(c.container.envFrom[i].secretRef, "name", "")]) | some i in array.slice(from_refs, 0, 4)],
	)
	msg := sprintf("%s %q reads %d secret value(s) into environment variables: %s", [c.kind, c.name, total, summary(names, total)])
	path := first_path(c, env_refs, from_refs)
}

first_path(c, env_refs, _) := sprintf("%s.env[%d].valueFrom.secretKeyRef", [c.path, env_refs[0]]) if count(env_refs) > 0

first_path(c, env_refs, from_refs) := sprintf("%s.envFrom[%d].secretRef", [c.path, from_refs[0]]) if count(env_refs) == 0

# summary lists all the names up to four, else the first three and how
# many more there are; names holds at least the first four of total.
summary(names, total) := concat(", ", names) if total <= 4

summary(names, total) := sprintf("%s and %d more", [concat(", ", array.slice(names, 0, 3)), total - 3]) if total > 4
