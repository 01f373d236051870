package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/onus-project/onus/internal/policydoc"
)

// regenerate is the one command that refreshes docs/policies.
const regenerate = "go run ./cmd/onus policy doc --out docs/policies internal/policy/builtin"

// TestPolicyDocsUpToDate regenerates the policy reference and compares it
// with the pages committed under docs/policies.
func TestPolicyDocsUpToDate(t *testing.T) {
	pages, diags, err := policyDocPages([]string{"../policy/builtin"}, docCommand("docs/policies", []string{"internal/policy/builtin"}))
	if err != nil || diags.HasErrors() {
		t.Fatalf("render: %v %v", err, diags)
	}
	dir := filepath.Join("..", "..", "docs", "policies")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("docs/policies is missing; generate it with:\n\n\t%s\n", regenerate)
	}
	committed := map[string][]byte{}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".md") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if bytes.HasPrefix(b, []byte(policydoc.Marker)) {
			committed[e.Name()] = b
		}
	}
	var stale []string
	for name, want := range pages {
		got, ok := committed[name]
		switch {
		case !ok:
			stale = append(stale, name+" is missing")
		case !bytes.Equal(got, want):
			stale = append(stale, name+" differs:\n"+cmp.Diff(string(got), string(want)))
		}
	}
	for name := range committed {
		if _, ok := pages[name]; !ok {
			stale = append(stale, name+" documents a policy that no longer exists")
		}
	}
	if len(stale) > 0 {
		sort.Strings(stale)
		t.Fatalf("docs/policies is stale. Regenerate it from the repository root with\n\n\t%s\n\nand commit the result.\n\n%s", regenerate, strings.Join(stale, "\n"))
	}
}

// TestPolicyDocCommand runs `onus policy doc` on a user's policy directory:
// pages are written, examples come from the fixtures, and pages of removed
// policies go while other files stay.
func TestPolicyDocCommand(t *testing.T) {
	src := t.TempDir()
	write := func(path, content string) {
		t.Helper()
		p := filepath.Join(src, path)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("registry/policy.rego", `# METADATA
# title: Images come from the company registry
# description: Images from public registries are not scanned by our pipeline.
# custom:
#   id: ACME-001
#   severity: high
#   category: configuration
#   layer: application
#   targets:
#     - kind: kubernetes
#       types: ["@workload"]
#   params:
#     registries:
#       default: ["registry.acme.example"]
#       description: allowed registries
#   remediation: Push the image to registry.acme.example.
package acme.registry

deny contains "x" if false
`)
	write("registry/testdata/fail/pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - {name: c, image: nginx:1.27}\n")
	write("registry/testdata/fail/want.txt", "pod.yaml:6\n")
	write("registry/testdata/pass/pod.yaml", "apiVersion: v1\nkind: Pod\n")
	out := t.TempDir()
	if err := os.WriteFile(filepath.Join(out, "OLD-1.md"), []byte(policydoc.Marker+"\nold"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, "notes.md"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code := Execute(t.Context(), []string{"policy", "doc", "--out", out, src}, &Env{Stdout: &stdout, Stderr: &stderr})
	if code != ExitOK {
		t.Fatalf("exit %d: %s%s", code, stdout.String(), stderr.String())
	}
	if !strings.Contains(stdout.String(), "wrote 1 policy page and README.md") || !strings.Contains(stdout.String(), "removed 1 stale page") {
		t.Errorf("stdout: %s", stdout.String())
	}
	page, err := os.ReadFile(filepath.Join(out, "ACME-001.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"# ACME-001: Images come from the company registry",
		"| Kubernetes workloads (`kubernetes-workloads`) | CaaS | customer |",
		"| `registries` | `[\"registry.acme.example\"]` | allowed registries |",
		"### Fails: `testdata/fail/pod.yaml`",
		"Findings expected at: `pod.yaml:6`",
		"### Passes: `testdata/pass/pod.yaml`",
	} {
		if !strings.Contains(string(page), want) {
			t.Errorf("page lacks %q:\n%s", want, page)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "OLD-1.md")); !os.IsNotExist(err) {
		t.Error("the stale generated page was not removed")
	}
	if _, err := os.Stat(filepath.Join(out, "notes.md")); err != nil {
		t.Error("a file the command did not write was removed")
	}
	// --out is required
	code = Execute(t.Context(), []string{"policy", "doc", src}, &Env{Stdout: &stdout, Stderr: &stderr})
	if code != ExitUsage {
		t.Errorf("without --out: exit %d, want %d", code, ExitUsage)
	}
}
