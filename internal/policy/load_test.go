package policy

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

const loadPolicy = `# METADATA
# title: T
# custom:
#   id: %s
#   severity: low
#   category: configuration
#   layer: data-access
#   targets:
#     - kind: terraform
#       types: [aws_s3_bucket]
#   remediation: Fix it.
package %s

deny contains "x" if input.resource.attrs.bad
`

func policyFile(id, pkg string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte(fmt.Sprintf(loadPolicy, id, pkg))}
}

// TestLoad checks that Load reads policies in a stable order whatever the
// parallel parsing, reports a broken module and a duplicate id as
// diagnostics while loading the rest, and leaves tests out when asked.
func TestLoad(t *testing.T) {
	fsys := fstest.MapFS{
		"a/policy.rego":      policyFile("T-002", "t.a"),
		"a/policy_test.rego": {Data: []byte("package t.a_test\n\ntest_x if true\n")},
		"b/policy.rego":      policyFile("T-001", "t.b"),
		"c/policy.rego":      policyFile("T-001", "t.c"),
		"d/policy.rego":      {Data: []byte("package t.d\n\ndeny contains if {\n")},
		"e/testdata/x.rego":  {Data: []byte("not rego at all")},
	}
	for _, skip := range []bool{false, true} {
		set, diags := Load(fsys, LoadOptions{Origin: "p/", SkipTests: skip})
		var ids []string
		for _, p := range set.Policies {
			ids = append(ids, p.ID+"@"+p.File)
		}
		if got := strings.Join(ids, " "); got != "T-001@p/b/policy.rego T-002@p/a/policy.rego" {
			t.Errorf("SkipTests %v: policies %s", skip, got)
		}
		if want := map[bool]int{false: 1, true: 0}[skip]; len(set.Tests) != want {
			t.Errorf("SkipTests %v: %d test modules, want %d", skip, len(set.Tests), want)
		}
		text := diags.Error()
		if len(diags) < 2 || !strings.Contains(text, "p/d/policy.rego:") || !strings.Contains(text, "duplicate policy id") {
			t.Errorf("SkipTests %v: diagnostics %v, want a parse error in p/d/policy.rego and the duplicate id", skip, diags)
		}
	}
}
