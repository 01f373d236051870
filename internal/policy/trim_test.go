package policy

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// TestTrim checks that a trimmed set keeps the chosen policies and the
// modules they reach (through an import, a full reference into data, a
// library that imports another, a dynamic reference under a known prefix),
// and leaves out the other policies and the libraries nobody reaches.
func TestTrim(t *testing.T) {
	fsys := fstest.MapFS{
		"k/policy.rego": {Data: []byte(strings.Replace(strings.Replace(loadPolicy, "terraform", "kubernetes", 1), "aws_s3_bucket", "Pod", 1) +
			"\nimport data.lib.k8s\n\ndeny contains \"y\" if k8s.bad\n")},
		"j/policy.rego": {Data: []byte(strings.Replace(strings.Replace(loadPolicy, "terraform", "kubernetes", 1), "aws_s3_bucket", "Job", 1) +
			"\ndeny contains \"z\" if data.lib.shared.on\n\ndeny contains \"d\" if data.lib.dyn[input.x]\n")},
		"a/policy.rego":   {Data: []byte(loadPolicy + "\nimport data.lib.aws\n\ndeny contains \"w\" if aws.bad\n")},
		"lib/k8s.rego":    {Data: []byte("package lib.k8s\n\nimport data.lib.util\n\nbad if util.yes\n")},
		"lib/util.rego":   {Data: []byte("package lib.util\n\nyes if input.resource\n")},
		"lib/shared.rego": {Data: []byte("package lib.shared\n\non if input.resource\n")},
		"lib/dyn/a.rego":  {Data: []byte("package lib.dyn.a\n\nx := 1\n")},
		"lib/aws.rego":    {Data: []byte("package lib.aws\n\nbad if input.resource\n")},
	}
	// the loader reads ids and packages from the files' own text
	files := map[string]string{"k/policy.rego": "K-001 t.k", "j/policy.rego": "J-001 t.j", "a/policy.rego": "A-001 t.a"}
	for name, idpkg := range files {
		id, pkg, _ := strings.Cut(idpkg, " ")
		f := fsys[name]
		f.Data = []byte(strings.Replace(strings.Replace(string(f.Data), "%s", id, 1), "%s", pkg, 1))
	}
	set, diags := Load(fsys, LoadOptions{Origin: "p/", SkipTests: true})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	trimmed := set.Trim(func(p *Policy) bool { return p.Targets[0].Kind == "kubernetes" })
	var ids []string
	for _, p := range trimmed.Policies {
		ids = append(ids, p.ID)
	}
	if got := strings.Join(ids, " "); got != "J-001 K-001" {
		t.Errorf("policies %s, want J-001 K-001", got)
	}
	var mods []string
	for name := range trimmed.Modules {
		mods = append(mods, name)
	}
	slices.Sort(mods)
	want := "p/j/policy.rego p/k/policy.rego p/lib/dyn/a.rego p/lib/k8s.rego p/lib/shared.rego p/lib/util.rego"
	if got := strings.Join(mods, " "); got != want {
		t.Errorf("modules\n got %s\nwant %s", got, want)
	}
	if len(set.Modules) != 8 || len(set.Policies) != 3 {
		t.Errorf("Trim changed the set it was called on: %d modules, %d policies", len(set.Modules), len(set.Policies))
	}
}
