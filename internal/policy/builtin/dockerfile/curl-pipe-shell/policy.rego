# METADATA
# title: Remote script piped to a shell
# description: |
#   curl ... | sh (or wget -O- ... | bash, sh -c "$(curl ...)", bash <(curl
#   ...)) runs whatever the server returns, unverified, as root in the build:
#   a compromised host or a truncated download becomes part of the image.
# custom:
#   id: ONUS-DF-007
#   severity: high
#   category: configuration
#   layer: middleware
#   targets:
#     - kind: dockerfile
#       types: ["stage"]
#   controls:
#     cis-docker: ["4.11"]
#     nist-800-53: ["SI-7", "CM-14"]
#   remediation: |
#     Download the script or binary to a file, verify its checksum or signature,
#     then run it; better, install the software from the distribution's signed
#     packages.
package onus.dockerfile.curl_pipe_shell

import data.onus.lib.docker

piped(cmd) if regex.match(`(?i)\b(curl|wget)\b[^|;&\n]*\|\s*(sudo\s+(-\S+\s+)*)?(\S*/)?(ba|z|da|k|a)?sh\b`, cmd)

piped(cmd) if regex.match(`(?i)\b(curl|wget)\b[^|;&\n]*\|\s*(sudo\s+)?(\S*/)?(python[0-9.]*|perl|ruby|node)\b`, cmd)

piped(cmd) if regex.match(`(?i)\b(ba|z|da|k)?sh\s+(-c\s+)?["']?\$\(\s*(curl|wget)\b`, cmd)

piped(cmd) if regex.match(`(?i)<\(\s*(curl|wget)\b`, cmd)

deny contains {"msg": "RUN pipes a downloaded script into an interpreter without verifying it", "path": r.path} if {
	some r in docker.runs
	piped(r.command)
}
