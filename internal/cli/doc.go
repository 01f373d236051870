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

Terraform is evaluated per root module (a directory of .tf files; the local
modules it calls are evaluated with it): variables come from defaults,
terraform.tfvars, *.auto.tfvars, TF_VAR_* variables, --var-file and --var.
Values known only after apply stay unknown and never decide a finding.
Plans (terraform show -json) are read too. See docs/terraform.md.

Formats: text (for a terminal; coloured on a TTY unless NO_COLOR is set),
json (the onus/report@v1 contract), sarif (GitHub code scanning), junit (CI
test results), markdown (a pull-request comment), csv (spreadsheets) and
html (one self-contained page with the responsibility matrix). On a
terminal, scans that take more than a moment show their progress on stderr.

Exit codes: 0 when no finding is at or above --fail-on; 1 when one is; 2 for a
usage error or an input that could not be read or parsed (every other input is
still scanned and reported).`

const scanExample = `  onus scan examples/k8s-shop
  onus scan --format json --output report.json infra/ k8s/
  onus scan --fail-on high --policy ./policies deploy/
  onus scan --var env=prod --var-file prod.tfvars infra/live
  onus scan --format sarif --output onus.sarif --fail-on high .
  onus scan --format html --output report.html --fail-on none .
  terraform show -json plan.out > plan.json && onus scan plan.json`

const policyListLong = `List the policies onus runs: the built-in pack and any --policy directories.`

const policyTestLong = `Run a policy directory's tests as 'opa test' does, then its fixtures.

Every policy directory may hold testdata/pass*/ and testdata/fail*/ folders.
Each is scanned with the full onus pipeline: a pass folder must give no finding
of the policy, a fail folder at least one — and, when it holds a want.txt
listing file:line pairs, exactly those. The built-in policies are tested with
this same command.`

const policyTestExample = `  onus policy test ./policies
  onus policy test --run 'ONUS-K8S-00[1-5]' internal/policy/builtin`

const matrixLong = `Scan the estate and show its responsibility matrix: every service in use
(by the service catalog), its service model, and for each of the seven layers
who owns it (customer, shared or provider), which team handles it (from
onus.yaml), which enabled policies check it, how many checks pass and fail,
and its status:

  failing    a check of the layer fails
  unowned    a customer or shared layer that no team owns (when onus.yaml has teams)
  uncovered  a customer or shared layer that no enabled policy checks
  passing    owned, covered and every check passes
  provider   the provider owns the layer

Failing, unowned and uncovered layers are gaps: owned layers nobody is handling.
Formats: a text table, JSON, an SVG heat-map and a self-contained HTML page.
Exit codes: 0 when the matrix was built, 2 for a usage error or an input that
could not be read (the matrix of the rest is still written).`

const matrixExample = `  onus matrix examples/ownership-demo
  onus matrix --format html --output matrix.html infra/ k8s/
  onus matrix --format svg --team payments .`

const complianceLong = `Scan the estate and report every control of a compliance framework:

  failing      an enabled policy mapped to the control fails on this estate
  passing      the policies mapped to it ran on this estate and none failed
  not-covered  no enabled policy maps to it, or none of their checks ran here
  provider     the provider owns the control (a managed control plane, the
               CSP-owned controls of the CCM's shared responsibility model,
               physical security) and it is out of the customer's scope

Controls come from the catalogs onus embeds (onus compliance --list), each with
its version; policies map to them in their METADATA (custom.controls).
Formats: text, JSON and a self-contained HTML page.`

const complianceExample = `  onus compliance examples/ownership-demo --framework cis-kubernetes
  onus compliance --framework csa-ccm --format html --output ccm.html .
  onus compliance --list`
const completionLong = `Print a completion script for bash, zsh, fish or PowerShell. The script
completes subcommands, flags and flag values (formats, severities, shells).`

const completionExample = `  # bash, for the current shell and for new ones
  source <(onus completion bash)
  onus completion bash > /etc/bash_completion.d/onus

  # zsh
  onus completion zsh > "${fpath[1]}/_onus"

  # fish
  onus completion fish > ~/.config/fish/completions/onus.fish`

const policyDocLong = `Write reference pages for policies into a directory: one Markdown page per
policy (what it checks, why it matters for its layer and the owner of that
layer on every service it targets, how to fix it, the controls it maps to,
its parameters, and examples from its fixtures) and an index, README.md.

Without DIR, the built-in policies are documented; with DIRs, the policies
of those directories, examples taken from their testdata/pass* and
testdata/fail* fixtures. Pages the command wrote before for policies that no
longer exist are removed; other files in OUT are left alone.`

const policyDocExample = `  # the reference committed under docs/policies (from a checkout)
  go run ./cmd/onus policy doc --out docs/policies internal/policy/builtin

  # your own policies
  onus policy doc --out docs/policies ./policies`

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
const serveLong = `Run onus as a service: the Kubernetes validating admission webhook
(POST /v1/admit), the report API for CI uploads and readers (/api/v1/...),
the dashboard (/), and /healthz, /readyz and /metrics.

The webhook judges each object with the same loader, engine and policies as
onus scan; policies that need the whole estate are skipped. Findings act by
severity (--admission-actions): deny refuses the request and lists the
violated policies with their fixes, warn admits it with a warning, audit
admits it silently. Dry-run requests are judged but never recorded.

--db takes a SQLite file (the default, onus.db, needs no server) or a
postgres:// URL; several replicas may share one PostgreSQL database. Schema
migrations are applied at start.

The first admin token comes from ONUS_ADMIN_TOKEN, or is created and printed
once on the first start. Create more with onus token create.

Every flag can be set by an ONUS_* variable: --tls-cert by ONUS_TLS_CERT,
--admission-actions by ONUS_ADMISSION_ACTIONS, and so on. Logs are JSON on
stderr.`

const serveExample = `  onus serve --self-signed --addr 127.0.0.1:8443
  onus serve --tls-cert /tls/tls.crt --tls-key /tls/tls.key --db postgres://onus@db/onus
  ONUS_ADMIN_TOKEN=onus_... onus serve --insecure-http --addr 127.0.0.1:8080`

const tokenLong = `Manage the tokens of onus serve, directly in its store (--db, or ONUS_DB).

Roles: admin may do everything; uploader may only upload reports (give it to
CI); viewer may read the API and the dashboard. A token is printed once when
created; only its SHA-256 hash is stored. Revoking a token ends its dashboard
sessions at once.`
