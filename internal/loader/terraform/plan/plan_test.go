package plan

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/onus-project/onus/internal/discover"
	"github.com/onus-project/onus/internal/resource"
)

var update = flag.Bool("update", false, "rewrite golden files")

type view struct {
	ID, Address, Module, Type, Provider string
	Range                               string
	Labels                              map[string]string   `json:",omitempty"`
	Attrs                               map[string]any      `json:",omitempty"`
	Unknown                             []string            `json:",omitempty"`
	Refs                                map[string][]string `json:",omitempty"`
	// Lines gives, for a few attribute paths, where a finding on them
	// points.
	Lines      map[string]string `json:",omitempty"`
	Suppressed []string          `json:",omitempty"`
}

// probes are attribute paths whose location the golden files record.
var probes = []string{"bucket", "metadata_options[0].http_tokens", "ingress[0].cidr_blocks", "tags.Name", "cidr_block", "no_such_attribute"}

func TestGolden(t *testing.T) {
	for _, name := range []string{"standalone", "withconfig"} {
		t.Run(name, func(t *testing.T) {
			root, err := os.OpenRoot(filepath.Join("testdata", name))
			if err != nil {
				t.Fatal(err)
			}
			defer root.Close()
			rs, diags := New(Options{}).Load(t.Context(), root.FS(), discover.Input{Path: "plan.json", Format: discover.TerraformPlan})
			var got struct {
				Resources   []view
				Diagnostics []string
			}
			for _, r := range rs {
				v := view{ID: r.ID, Address: r.Address, Module: r.Module, Type: r.Type, Provider: r.Provider,
					Range:  fmt.Sprintf("%s:%d-%d", r.Range.Filename, r.Range.Start.Line, r.Range.End.Line),
					Labels: r.Labels, Attrs: r.Attrs, Unknown: r.Unknown, Refs: r.Refs, Lines: map[string]string{}}
				for _, p := range probes {
					path, _ := resource.ParsePath(p)
					rng := r.Locate(path)
					v.Lines[p] = fmt.Sprintf("%s:%d", rng.Filename, rng.Start.Line)
				}
				for _, s := range r.Suppressions {
					v.Suppressed = append(v.Suppressed, strings.Join(s.Rules, ",")+": "+s.Reason)
				}
				got.Resources = append(got.Resources, v)
			}
			for _, d := range diags {
				got.Diagnostics = append(got.Diagnostics, d.Error())
			}
			golden(t, name, got)
		})
	}
}

func golden(t *testing.T, name string, got any) {
	t.Helper()
	out, _ := json.MarshalIndent(got, "", "  ")
	out = append(out, '\n')
	path := filepath.Join("testdata", name+".golden.json")
	if *update {
		if err := os.WriteFile(path, out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if diff := cmp.Diff(string(want), string(out)); diff != "" {
		t.Fatalf("golden mismatch (-want +got); run go test -update:\n%s", diff)
	}
}

func TestBadInput(t *testing.T) {
	tests := []struct {
		name, body, want string
	}{
		{"syntax", "{\n  \"format_version\": \"1.2\",\n  \"planned_values\": {\n    \"root_module\": {,}\n", "plan.json:4:21: invalid JSON"},
		{"not a plan", `{"format_version": "1.2", "terraform_version": "1.9.0"}`, "plan.json: not a Terraform plan"},
		{"wrong type", `{"format_version": "1.2", "planned_values": {"root_module": {"resources": {}}}}`, "plan.json:1:76: not a Terraform plan"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rs, diags := Parse(t.Context(), os.DirFS(t.TempDir()), "plan.json", []byte(tc.body), 0)
			if len(rs) != 0 || len(diags) != 1 || !strings.HasPrefix(diags[0].Error(), tc.want) {
				t.Fatalf("got %d resources and %v, want %q", len(rs), diags, tc.want)
			}
		})
	}
}

func TestSplitAddress(t *testing.T) {
	got := splitAddress(`module.a["x.y"].module.b[0].aws_s3_bucket.c["q\"]"]`)
	var s []string
	for _, st := range got {
		s = append(s, st.name+st.key)
	}
	want := []string{`module`, `a["x.y"]`, `module`, `b[0]`, `aws_s3_bucket`, `c["q\"]"]`}
	if diff := cmp.Diff(want, s); diff != "" {
		t.Fatal(diff)
	}
	if c := moduleCalls(`module.a["x.y"].module.b[0]`); strings.Join(c, " ") != "a b" {
		t.Fatalf("moduleCalls = %v", c)
	}
}

// FuzzParse feeds arbitrary bytes to the plan loader: it must not panic,
// and every resource must have an address and a position in the file.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"standalone/plan.json"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"format_version":"1.0","planned_values":{"root_module":{"resources":[{"address":"a.b","mode":"managed","type":"a","name":"b","values":{"x":[1,{"y":null}]}}],"child_modules":[{"address":"module.m","resources":[]}]}},"resource_changes":[{"address":"a.b","mode":"managed","change":{"after_unknown":{"x":[false,{"y":true}]}}}]}`))
	f.Add([]byte(`{"planned_values":{"root_module":{"child_modules":[null,{"child_modules":[{}]}]}},"configuration":{"root_module":{"module_calls":{"m":{"module":null}}}}}`))
	fsys := os.DirFS(f.TempDir())
	f.Fuzz(func(t *testing.T, b []byte) {
		rs, _ := Parse(t.Context(), fsys, "plan.json", b, 0)
		for _, r := range rs {
			if r.Range.Filename != "plan.json" {
				t.Fatalf("resource %q has no position: %+v", r.Address, r.Range)
			}
			for _, p := range []string{"a", "x[0]", "x[1].y"} {
				path, _ := resource.ParsePath(p)
				r.Locate(path)
			}
		}
	})
}
