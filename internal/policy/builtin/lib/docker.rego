# METADATA
# title: Dockerfile helpers
# description: |
#   Shared helpers for Dockerfile policies. Each build stage is one resource
#   (kind dockerfile, type stage); attrs hold the base image (from), every
#   instruction with its lines, and per-instruction lists (run, add, copy,
#   users, envs, args, expose, cmd, entrypoint, workdir). The last stage is
#   the final stage, the image that ships.
package onus.lib.docker

# stage is the build stage under evaluation.
stage := input.resource.attrs

# is_final holds for the last stage of the Dockerfile.
is_final if input.resource.attrs.final == true

# image is the stage's base image when it is a registry image (not scratch,
# not an earlier stage, not an unresolved ARG).
image := input.resource.attrs.from if {
	not input.resource.attrs.from.stage
	not input.resource.attrs.from.scratch
	not input.resource.attrs.from.unresolved
	input.resource.attrs.from.image
}

# runs holds every RUN of the stage:
# {"index", "path": "run[i]", "command", "segments": [[word, ...], ...]}
# where segments are the simple commands of the shell line (split at &&,
# ||, |, ; and newlines), each without leading sudo and VAR=value words.
runs contains r if {
	some i, run in object.get(input.resource.attrs, "run", [])
	r := {
		"index": i,
		"path": sprintf("run[%d]", [i]),
		"command": run.command,
		"flags": object.get(run, "flags", []),
		"segments": segments(run.command),
	}
}

# segments splits a shell line into simple commands (lists of words).
segments(cmd) := [program(words) |
	some part in regex.split(`\s*(?:&&|\|\||\||;|\n)\s*`, cmd)
	words := [w | some w in regex.split(`\s+`, trim_space(part)); w != ""]
	count(words) > 0
]

# program drops leading sudo, env and VAR=value words.
program(words) := array.slice(words, start, count(words)) if {
	starts := [i | some i, w in words; not prefix_word(w)]
	count(starts) > 0
	start := starts[0]
} else := []

prefix_word(w) if w in {"sudo", "env", "nohup", "exec", "command", "-E", "time"}

prefix_word(w) if regex.match(`^[A-Za-z_][A-Za-z0-9_]*=`, w)

# runs_program holds segments of RUN r whose program is one of names.
has_program(seg, names) if {
	count(seg) > 0
	seg[0] in names
}

# has_word holds when a segment holds one of words after its program.
has_word(seg, words) if {
	some w in array.slice(seg, 1, count(seg))
	w in words
}

# has_flag holds when a segment holds a flag that starts with one of
# prefixes ("--no-cache", "-y").
has_flag(seg, prefixes) if {
	some w in array.slice(seg, 1, count(seg))
	some p in prefixes
	startswith(w, p)
}

# cache_mount holds when the RUN mounts a build cache at a path starting
# with one of prefixes (then nothing is left in the image).
cache_mount(run, prefixes) if {
	some f in run.flags
	contains(f, "type=cache")
	some p in prefixes
	contains(f, concat("", ["target=", p]))
}

# is_root_user holds for a USER value that is root by name or uid.
is_root_user(u) if {
	name := split(lower(trim_space(u)), ":")[0]
	name in {"root", "0"}
}
