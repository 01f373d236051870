package terraform

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
	"github.com/onus-project/onus/internal/source"
)

var update = flag.Bool("update", false, "rewrite golden files")

// view is what a golden file records of a resource.
type view struct {
	ID, Address, Module, Type, Provider string
	Range                               string
	Labels                              map[string]string   `json:",omitempty"`
	Attrs                               map[string]any      `json:",omitempty"`
	Unknown                             []string            `json:",omitempty"`
	Refs                                map[string][]string `json:",omitempty"`
	Lines                               map[string]int      `json:",omitempty"`
	Suppressed                          []string            `json:",omitempty"`
}

type scanned struct {
	Inputs      []string
	Resources   []view
	Diagnostics []string
}

// scanDir discovers, groups and loads a directory the way onus scan does.
func scanDir(t *testing.T, dir string, l *Loader) ([]*resource.Resource, source.Diagnostics, []string) {
	t.Helper()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	ins, diags, err := discover.Walk(t.Context(), root, discover.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var tf []discover.Input
	for _, in := range ins {
		if in.Format == discover.Terraform {
			tf = append(tf, in)
		}
	}
	tf = l.Group(root.FS(), tf)
	var rs []*resource.Resource
	var names []string
	for _, in := range tf {
		names = append(names, in.Path)
		r, d := l.Load(t.Context(), root.FS(), in)
		rs = append(rs, r...)
		diags = append(diags, d...)
	}
	return rs, diags, names
}

func viewOf(r *resource.Resource) view {
	v := view{ID: r.ID, Address: r.Address, Module: r.Module, Type: r.Type, Provider: r.Provider,
		Range:  fmt.Sprintf("%s:%d-%d", r.Range.Filename, r.Range.Start.Line, r.Range.End.Line),
		Labels: r.Labels, Attrs: r.Attrs, Unknown: r.Unknown, Refs: r.Refs}
	if len(v.Attrs) == 0 {
		v.Attrs = nil
	}
	if m, ok := r.Locs.(resource.MapLocator); ok {
		v.Lines = map[string]int{}
		for k, rng := range m {
			if rng.Filename != r.Range.Filename {
				v.Lines[k+" "+rng.Filename] = rng.Start.Line
				continue
			}
			v.Lines[k] = rng.Start.Line
		}
	}
	for _, s := range r.Suppressions {
		v.Suppressed = append(v.Suppressed, fmt.Sprintf("%d %s: %s", s.Range.Start.Line, strings.Join(s.Rules, ","), s.Reason))
	}
	return v
}

func golden(t *testing.T, name string, got any) {
	t.Helper()
	out, err := json.MarshalIndent(got, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
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

// TestGolden loads each directory of testdata/golden as onus scan would
// and compares addresses, attributes, unknowns, refs and lines with its
// golden file.
func TestGolden(t *testing.T) {
	ents, err := os.ReadDir(filepath.Join("testdata", "golden"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		if !e.IsDir() {
			continue
		}
		t.Run(e.Name(), func(t *testing.T) {
			l := New(Options{Getenv: func(k string) string {
				if k == "TF_VAR_from_env" {
					return "env"
				}
				return ""
			}})
			rs, diags, inputs := scanDir(t, filepath.Join("testdata", "golden", e.Name()), l)
			got := scanned{Inputs: inputs}
			for _, r := range rs {
				got.Resources = append(got.Resources, viewOf(r))
			}
			diags.Sort()
			for _, d := range diags {
				got.Diagnostics = append(got.Diagnostics, string(d.Severity)+": "+d.Error())
			}
			golden(t, "golden/"+e.Name(), got)
		})
	}
}

// byAddress indexes resources by address.
func byAddress(rs []*resource.Resource) map[string]*resource.Resource {
	out := map[string]*resource.Resource{}
	for _, r := range rs {
		out[r.Address] = r
	}
	return out
}
