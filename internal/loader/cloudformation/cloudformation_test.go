package cloudformation

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/onus-project/onus/internal/discover"
	"github.com/onus-project/onus/internal/resource"
)

var update = flag.Bool("update", false, "rewrite golden files")

// view is what the golden file records of a resource.
type view struct {
	ID, Address, Type, Name, Module string
	Lines                           [2]int
	Labels                          map[string]string   `json:",omitempty"`
	Attrs                           map[string]any      `json:",omitempty"`
	Refs                            map[string][]string `json:",omitempty"`
	Unknown                         []string            `json:",omitempty"`
	Locations                       map[string]int      `json:",omitempty"`
	Suppressed                      []string            `json:",omitempty"`
}

// testFS holds the testdata tree.
func testFS(t testing.TB) fstest.MapFS {
	fsys := fstest.MapFS{}
	err := filepath.WalkDir("testdata", func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, ".golden.json") || strings.Contains(p, "fuzz") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel("testdata", p)
		fsys[filepath.ToSlash(rel)] = &fstest.MapFile{Data: b}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return fsys
}

func TestLoadGolden(t *testing.T) {
	fsys := testFS(t)
	for _, name := range []string{"storage.yaml", "app.json", "sam.yaml", "nested/parent.yaml", "broken.yaml", "invalid.yaml"} {
		t.Run(name, func(t *testing.T) {
			rs, diags := New().Load(t.Context(), fsys, discover.Input{Path: name, Format: discover.CloudFormation})
			var got struct {
				Resources   []view
				Diagnostics []string
			}
			for _, r := range rs {
				if r.Kind != resource.CloudFormation || r.Provider != "aws" {
					t.Fatalf("%s: kind %s provider %s", r.Address, r.Kind, r.Provider)
				}
				v := view{ID: r.ID, Address: r.Address, Type: r.Type, Name: r.Name, Module: r.Module,
					Lines: [2]int{r.Range.Start.Line, r.Range.End.Line}, Labels: r.Labels, Attrs: r.Attrs,
					Refs: r.Refs, Unknown: r.Unknown, Locations: map[string]int{}}
				if m, ok := r.Locs.(resource.MapLocator); ok {
					for k, rng := range m {
						if rng.Filename != r.Range.Filename && !strings.HasPrefix(k, "_resource") {
							t.Errorf("%s: location %s in %s, want %s", r.Address, k, rng.Filename, r.Range.Filename)
						}
						v.Locations[k] = rng.Start.Line
					}
				}
				for _, s := range r.Suppressions {
					v.Suppressed = append(v.Suppressed, strings.Join(s.Rules, ",")+" @"+s.Range.String()+" exp:"+s.Expires+": "+s.Reason)
				}
				got.Resources = append(got.Resources, v)
			}
			for _, d := range diags {
				got.Diagnostics = append(got.Diagnostics, string(d.Severity)+": "+d.Error())
			}
			sort.Strings(got.Diagnostics)
			out, _ := json.MarshalIndent(got, "", "  ")
			golden := filepath.Join("testdata", strings.ReplaceAll(name, "/", "_")+".golden.json")
			if *update {
				if err := os.WriteFile(golden, append(out, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(want), string(out)+"\n"); diff != "" {
				t.Fatalf("golden mismatch (-want +got); run go test -update:\n%s", diff)
			}
		})
	}
}
