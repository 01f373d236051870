package lockfile

import (
	"encoding/json"
	"flag"
	"io/fs"
	"os"
	"path"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/onus-project/onus/internal/resource"
)

var update = flag.Bool("update", false, "rewrite the golden files")

type view struct {
	Type        string         `json:"type"`
	Name        string         `json:"name"`
	Address     string         `json:"address"`
	Line        int            `json:"line"`
	VersionLine int            `json:"version_line"`
	Attrs       map[string]any `json:"attrs"`
}

func viewOf(r *resource.Resource) view {
	attrs := map[string]any{}
	for k, v := range r.Attrs {
		if k != "file" && k != "name" && k != "purl" {
			attrs[k] = v
		}
	}
	return view{Type: r.Type, Name: r.Name, Address: r.Address, Line: r.Range.Start.Line,
		VersionLine: r.Locate(resource.Path{resource.Key("version")}).Start.Line, Attrs: attrs}
}

// TestGolden loads every lockfile of testdata and compares the packages
// and diagnostics with <file>.golden.json (go test -update rewrites them).
func TestGolden(t *testing.T) {
	fsys := os.DirFS("testdata")
	var files []string
	fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && parserFor(p) != nil && !strings.HasPrefix(p, "fuzz/") {
			files = append(files, p)
		}
		return nil
	})
	if len(files) < 15 {
		t.Fatalf("found %d lockfiles in testdata", len(files))
	}
	for _, f := range files {
		t.Run(f, func(t *testing.T) {
			b, err := fs.ReadFile(fsys, f)
			if err != nil {
				t.Fatal(err)
			}
			rs, diags := Parse(t.Context(), fsys, f, b, 0)
			got := struct {
				Packages    []view   `json:"packages"`
				Diagnostics []string `json:"diagnostics"`
			}{Packages: []view{}, Diagnostics: []string{}}
			for _, r := range rs {
				if r.Kind != resource.Package || !strings.HasPrefix(r.ID, f+"#") {
					t.Errorf("bad resource identity %s %s", r.Kind, r.ID)
				}
				got.Packages = append(got.Packages, viewOf(r))
			}
			for _, d := range diags {
				got.Diagnostics = append(got.Diagnostics, string(d.Severity)+": "+d.Error())
			}
			out, _ := json.MarshalIndent(got, "", "  ")
			golden := path.Join("testdata", f+".golden.json")
			if *update {
				if err := os.WriteFile(golden, append(out, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if diff := cmp.Diff(strings.TrimSpace(string(want)), strings.TrimSpace(string(out))); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
