package cli

const rootLong = `onus reads an estate's infrastructure code — Kubernetes manifests, Terraform,
CloudFormation, ARM templates, Dockerfiles, SBOMs and lockfiles — works out which
cloud services it uses and which security layers the team owns under the shared
responsibility model, checks every owned layer with Rego policies, and says for
each failure which layer, which owner and how to fix it.`

const scanLong = `Scan files and directories and report every failed check with the layer it
breaks, who owns that layer (customer, shared or provider), the exact file and
line, and how to fix it.

Each PATH is a scan root: symlinks cannot lead out of it, .git, .terraform,
node_modules and vendor are skipped, and a .onusignore file (gitignore syntax)
at the root leaves out more. onus.yaml at the first root (or --config) sets
policy parameters, disabled policies and the failure threshold.

Exit codes: 0 when no finding is at or above --fail-on; 1 when one is; 2 for a
usage error or an input that could not be read or parsed (every other input is
still scanned and reported).`

const scanExample = `  onus scan examples/k8s-shop
  onus scan --format json --output report.json infra/ k8s/
  onus scan --fail-on high --policy ./policies deploy/`

const policyListLong = `List the policies onus runs: the built-in pack and any --policy directories.`

const policyTestLong = `Run a policy directory's tests as 'opa test' does, then its fixtures.

Every policy directory may hold testdata/pass*/ and testdata/fail*/ folders.
Each is scanned with the full onus pipeline: a pass folder must give no finding
of the policy, a fail folder at least one — and, when it holds a want.txt
listing file:line pairs, exactly those. The built-in policies are tested with
this same command.`

const policyTestExample = `  onus policy test ./policies
  onus policy test --run 'ONUS-K8S-00[1-5]' internal/policy/builtin`

const advisoriesLong = `Vulnerability advisories in the OSV format (https://ossf.github.io/osv-schema/).

Scans match every package of an SBOM or lockfile against a built-in set of
library vulnerabilities known to be exploited in the wild, plus the advisories
you import into a local index (by default in your cache directory). Import a
full export to cover every published advisory:

  onus advisories import all.zip          # https://osv-vulnerabilities.storage.googleapis.com/<ecosystem>/all.zip
  onus advisories status

See docs/advisories.md.`

const advisoriesImportLong = `Import OSV records into the local advisory index.

A PATH is an OSV JSON file (one record, or an array of records), a folder
(every .json below it) or a zip archive such as the per-ecosystem exports of
osv.dev. Records merge into what is already imported: a record replaces an
earlier one with the same id; withdrawn records are removed. The import time
and each source are recorded; 'onus advisories status' shows them.`

const advisoriesImportExample = `  onus advisories import ~/Downloads/Maven-all.zip ~/Downloads/npm-all.zip
  onus advisories import --advisories ./advisories ./osv-records/`
