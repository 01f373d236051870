package resource

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/onus-project/onus/internal/source"
)

func TestParsePathRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Path
	}{
		{"empty", "", nil},
		{"dotted", "spec.template.spec", Path{Key("spec"), Key("template"), Key("spec")}},
		{"indexes", "spec.containers[0].ports[12].containerPort", Path{Key("spec"), Key("containers"), Index(0), Key("ports"), Index(12), Key("containerPort")}},
		{"quoted", `metadata.labels["app.kubernetes.io/name"]`, Path{Key("metadata"), Key("labels"), Key("app.kubernetes.io/name")}},
		{"leading index", "[3].x", Path{Index(3), Key("x")}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParsePath(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Fatalf("ParsePath(%q) (-want +got):\n%s", tc.in, diff)
			}
			if got.String() != tc.in {
				t.Fatalf("String() = %q, want %q", got.String(), tc.in)
			}
		})
	}
}

func TestParsePathErrors(t *testing.T) {
	for _, in := range []string{".a", "a.", "a[", "a[x]", "a[-1]", `a["x`, `a["x"`} {
		if _, err := ParsePath(in); err == nil {
			t.Errorf("ParsePath(%q): want an error", in)
		}
	}
}

func TestPathOf(t *testing.T) {
	got, err := PathOf([]any{"spec", json.Number("2"), "name"})
	if err != nil {
		t.Fatal(err)
	}
	if got.String() != "spec[2].name" {
		t.Fatalf("got %s", got)
	}
	if _, err := PathOf(3); err == nil {
		t.Fatal("a number is not a path")
	}
}

func TestLocateFallsBack(t *testing.T) {
	r := &Resource{
		Range: source.Range{Filename: "a.yaml", Start: source.Pos{Line: 1}},
		Locs: MapLocator{
			"spec":                  {Filename: "a.yaml", Start: source.Pos{Line: 5}},
			"spec.containers[0]":    {Filename: "a.yaml", Start: source.Pos{Line: 7}},
			"spec.containers[0].sc": {Filename: "a.yaml", Start: source.Pos{Line: 9}},
		},
	}
	for in, want := range map[string]int{
		"spec.containers[0].sc":        9,
		"spec.containers[0].missing.x": 7,
		"spec.volumes[0]":              5,
		"metadata.name":                1,
	} {
		p, _ := ParsePath(in)
		if got := r.Locate(p).Start.Line; got != want {
			t.Errorf("Locate(%s) line = %d, want %d", in, got, want)
		}
	}
}

func TestUnknownAndGet(t *testing.T) {
	r := &Resource{Unknown: []string{"metadata_options"}, Attrs: map[string]any{"a": []any{map[string]any{"b": 1}}}}
	p, _ := ParsePath("metadata_options.http_tokens")
	if !r.IsUnknown(p) {
		t.Fatal("a path under an unknown prefix is unknown")
	}
	p, _ = ParsePath("metadata")
	if r.IsUnknown(p) {
		t.Fatal("a shorter path is not unknown")
	}
	p, _ = ParsePath("a[0].b")
	if v, ok := Get(r.Attrs, p); !ok || v != 1 {
		t.Fatalf("Get = %v %v", v, ok)
	}
	p, _ = ParsePath("a[1]")
	if _, ok := Get(r.Attrs, p); ok {
		t.Fatal("out of range index must not be found")
	}
}

func TestParseSuppression(t *testing.T) {
	rng := source.Range{Filename: "a.yaml", Start: source.Pos{Line: 4}}
	s, ok := ParseSuppression("# onus:ignore ONUS-K8S-001,ONUS-K8S-002 exp:2027-01-31 sidecar needs it", rng)
	if !ok {
		t.Fatal("not recognised")
	}
	want := Suppression{Rules: []string{"ONUS-K8S-001", "ONUS-K8S-002"}, Reason: "sidecar needs it", Expires: "2027-01-31", Range: rng}
	if diff := cmp.Diff(want, s); diff != "" {
		t.Fatalf("(-want +got):\n%s", diff)
	}
	if !s.Matches("onus-k8s-002") || s.Matches("ONUS-K8S-003") {
		t.Fatal("Matches is wrong")
	}
	if _, ok := ParseSuppression("# an ordinary comment", rng); ok {
		t.Fatal("an ordinary comment is not a suppression")
	}
	if s, ok := ParseSuppression("// onus:ignore * */", rng); !ok || !s.Matches("anything") || s.Reason != "" {
		t.Fatalf("wildcard: %+v", s)
	}
}
