package terraform

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// FuzzLoad feeds arbitrary text to the loader as a module's main.tf (or
// main.tf.json): it must not panic (a recovered panic is a failure here),
// every resource must point into the file, and every diagnostic about the
// file must carry a position.
func FuzzLoad(f *testing.F) {
	err := filepath.WalkDir(filepath.Join("testdata", "golden"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(p, ".tf") || strings.HasSuffix(p, ".tf.json")) {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		f.Add(b, strings.HasSuffix(p, ".json"))
		return nil
	})
	if err != nil {
		f.Fatal(err)
	}
	f.Add([]byte(`resource "a_b" "c" { dynamic "d" { for_each = {x = 1} content { v = d.value } } }`), false)
	f.Add([]byte(`module "m" { source = "./m" count = 2 }`+"\n"+`resource "a_b" "c" { x = module.m[0].o }`), false)
	f.Add([]byte(`{"resource": {"a_b": {"c": {"count": 2, "x": "${count.index}"}}}}`), true)
	f.Fuzz(func(t *testing.T, src []byte, json bool) {
		name := "main.tf"
		if json {
			name = "main.tf.json"
		}
		fsys := fstest.MapFS{
			name:        {Data: src},
			"m/main.tf": {Data: []byte("variable \"v\" {\n  default = 1\n}\noutput \"o\" {\n  value = var.v\n}\n")},
		}
		rs, diags := New(Options{Limits: Limits{MaxInstances: 100, MaxResources: 1000, MaxModules: 50}}).Module(t.Context(), fsys, ".")
		for _, d := range diags {
			if d.Summary == "module not evaluated" {
				t.Fatalf("panic: %v", d)
			}
			if d.Subject != nil && d.Subject.Filename == name && d.Subject.Start.Line == 0 {
				t.Fatalf("diagnostic without a line: %v", d)
			}
		}
		for _, r := range rs {
			if r.Range.Filename != name && r.Range.Filename != "m/main.tf" {
				t.Fatalf("resource %s at %q", r.Address, r.Range.Filename)
			}
			if r.Address == "" || r.ID == "" {
				t.Fatalf("resource without an address: %+v", r)
			}
		}
	})
}
