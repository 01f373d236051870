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
