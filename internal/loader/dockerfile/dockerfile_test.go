package dockerfile

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/onus-project/onus/internal/resource"
)

var update = flag.Bool("update", false, "rewrite golden files")

type view struct {
	ID, Address, Type, Name string
	Lines                   [2]int
	Labels                  map[string]string `json:",omitempty"`
	Attrs                   map[string]any
	Unknown                 []string       `json:",omitempty"`
	Locations               map[string]int `json:",omitempty"`
	Suppressed              []string       `json:",omitempty"`
}

var fixtures = []string{"multistage.Dockerfile", "simple.Dockerfile", "broken.Dockerfile", "empty.Dockerfile"}

func TestParseGolden(t *testing.T) {
	for _, name := range fixtures {
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", name))
			if err != nil {
				t.Fatal(err)
			}
			rs, diags := Parse(t.Context(), name, b)
			var got struct {
				Resources   []view
				Diagnostics []string
			}
			for _, r := range rs {
				if r.Kind != resource.Dockerfile || r.Provider != Provider || r.Type != Type {
					t.Fatalf("%s: kind %s provider %s type %s", r.Address, r.Kind, r.Provider, r.Type)
				}
				v := view{ID: r.ID, Address: r.Address, Type: r.Type, Name: r.Name, Labels: r.Labels,
					Lines: [2]int{r.Range.Start.Line, r.Range.End.Line}, Attrs: r.Attrs, Unknown: r.Unknown, Locations: map[string]int{}}
				for k, rng := range r.Locs.(resource.MapLocator) {
					v.Locations[k] = rng.Start.Line
				}
				for _, s := range r.Suppressions {
					v.Suppressed = append(v.Suppressed, strings.Join(s.Rules, ",")+" @"+s.Range.String()+": "+s.Reason)
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

func TestParseImage(t *testing.T) {
	for in, want := range map[string][4]string{
		"python:3.8-slim":                      {"", "python", "3.8-slim", ""},
		"docker.io/library/node:20":            {"", "node", "20", ""},
		"bitnami/redis":                        {"", "bitnami/redis", "", ""},
		"localhost:5000/team/app:1.2@sha256:x": {"localhost:5000", "team/app", "1.2", "sha256:x"},
		"gcr.io/distroless/static@sha256:y":    {"gcr.io", "distroless/static", "", "sha256:y"},
	} {
		m := parseImage(in)
		got := [4]string{m["registry"].(string), m["name"].(string), m["tag"].(string), m["digest"].(string)}
		if got != want {
			t.Errorf("%s: got %v, want %v", in, got, want)
		}
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
		rs, _ := Parse(t.Context(), "Dockerfile", b)
		for i, r := range rs {
			if r.Kind != resource.Dockerfile || r.Attrs["index"] != int64(i) {
				t.Fatalf("bad stage %d: %+v", i, r)
			}
			if final := r.Attrs["final"].(bool); final != (i == len(rs)-1) {
				t.Fatalf("stage %d final=%v of %d", i, final, len(rs))
			}
			r.Locate(resource.Path{resource.Key("instructions"), resource.Index(0)})
		}
	})
}
