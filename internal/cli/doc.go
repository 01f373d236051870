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
  onus scan --format sarif --output onus.sarif --fail-on high .
  onus scan --format html --output report.html --fail-on none .
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
