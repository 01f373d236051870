package sbom

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/onus-project/onus/internal/resource"
	"github.com/onus-project/onus/internal/source"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func parse(ctx context.Context, name string, b []byte) ([]*resource.Resource, source.Diagnostics) {
	if strings.Contains(name, ".spdx.") {
		return ParseSPDX(ctx, name, b)
	}
	return ParseCycloneDX(ctx, name, b)
}

// TestGolden compares the packages and diagnostics of each testdata SBOM
// with <file>.golden.json (go test -update rewrites them).
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.json")
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, ".golden.json") {
			continue
		}
		n++
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			rs, diags := parse(t.Context(), name, b)
			type view struct {
				ID          string         `json:"id"`
				Type        string         `json:"type"`
				Name        string         `json:"name"`
				Address     string         `json:"address"`
				Line        int            `json:"line"`
				VersionLine int            `json:"version_line"`
				Attrs       map[string]any `json:"attrs"`
			}
			got := struct {
				Packages    []view   `json:"packages"`
				Diagnostics []string `json:"diagnostics"`
			}{Packages: []view{}, Diagnostics: []string{}}
			for _, r := range rs {
				got.Packages = append(got.Packages, view{r.ID, r.Type, r.Name, r.Address, r.Range.Start.Line,
					r.Locate(resource.Path{resource.Key("version")}).Start.Line, r.Attrs})
			}
			for _, d := range diags {
				got.Diagnostics = append(got.Diagnostics, string(d.Severity)+": "+d.Error())
			}
			out, _ := json.MarshalIndent(got, "", "  ")
			golden := f + ".golden.json"
			if *update {
				os.WriteFile(golden, append(out, '\n'), 0o644)
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
	if n < 3 {
		t.Fatalf("only %d SBOMs in testdata", n)
	}
}

func TestBrokenDocuments(t *testing.T) {
	for _, c := range []struct{ name, body, want string }{
		{"a.cdx.json", `{"bomFormat": "CycloneDX", "components": [`, "a.cdx.json:1:"},
		{"b.cdx.json", "{\n\"bomFormat\": \"SPDX\"}", "bomFormat is \"SPDX\""},
		{"c.spdx.json", `{"spdxVersion": "SPDX-3.0"}`, "unsupported SPDX version"},
		{"d.cdx.json", "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\",\n \"components\": [{\"name\": 5}]}", "d.cdx.json:2:"},
	} {
		_, diags := parse(t.Context(), c.name, []byte(c.body))
		if !diags.HasErrors() || !strings.Contains(diags.Error(), c.want) {
			t.Errorf("%s: want an error containing %q, got %v", c.name, c.want, diags)
		}
	}
}

func fuzzSBOM(f *testing.F, glob string, parse func(context.Context, string, []byte) ([]*resource.Resource, source.Diagnostics)) {
	files, _ := filepath.Glob(glob)
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil && !strings.HasSuffix(p, ".golden.json") {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		rs, _ := parse(t.Context(), "f.json", b)
		n := bytes.Count(b, []byte("\n")) + 1
		for _, r := range rs {
			if r.Range.Start.Line < 1 || r.Range.Start.Line > n || r.Name == "" || r.Attrs["version"] == "" {
				t.Fatalf("bad package %s at line %d of %d", r.Name, r.Range.Start.Line, n)
			}
		}
	})
}

func FuzzCycloneDX(f *testing.F) { fuzzSBOM(f, "testdata/*.cdx.json", ParseCycloneDX) }

func FuzzSPDX(f *testing.F) { fuzzSBOM(f, "testdata/*.spdx.json", ParseSPDX) }
