package arm

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

var fixtures = []string{"azuredeploy.json", "symbolic.json", "nested.json", "broken.json", "invalid.json"}

func testFS(t testing.TB) fstest.MapFS {
	fsys := fstest.MapFS{}
	entries, err := os.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() || strings.HasSuffix(e.Name(), ".golden.json") {
			continue
		}
		b, err := os.ReadFile(filepath.Join("testdata", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		fsys[e.Name()] = &fstest.MapFile{Data: b}
	}
	return fsys
}

func TestLoadGolden(t *testing.T) {
	fsys := testFS(t)
	for _, name := range fixtures {
		t.Run(name, func(t *testing.T) {
			rs, diags := New().Load(t.Context(), fsys, discover.Input{Path: name, Format: discover.ARM})
			var got struct {
				Resources   []view
				Diagnostics []string
			}
			for _, r := range rs {
				if r.Kind != resource.ARM || r.Provider != Provider {
					t.Fatalf("%s: kind %s provider %s", r.Address, r.Kind, r.Provider)
				}
				v := view{ID: r.ID, Address: r.Address, Type: r.Type, Name: r.Name, Module: r.Module,
					Lines: [2]int{r.Range.Start.Line, r.Range.End.Line}, Labels: r.Labels, Attrs: r.Attrs,
					Refs: r.Refs, Unknown: r.Unknown, Locations: map[string]int{}}
				for k, rng := range r.Locs.(resource.MapLocator) {
					v.Locations[k] = rng.Start.Line
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
			golden := filepath.Join("testdata", name+".golden.json")
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

func FuzzParse(f *testing.F) {
	for _, name := range fixtures {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		rs, _ := Parse(t.Context(), "fuzz.json", b, Options{})
		for _, r := range rs {
			if r.Kind != resource.ARM || r.Type == "" || r.ID == "" {
				t.Fatalf("resource without kind, type or id: %+v", r)
			}
			r.Locate(resource.Path{resource.Key("properties"), resource.Index(0)})
		}
	})
}
