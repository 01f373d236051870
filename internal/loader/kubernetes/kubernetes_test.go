package kubernetes

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/onus-project/onus/internal/resource"
)

var update = flag.Bool("update", false, "rewrite golden files")

// view is what the golden file records of a resource.
type view struct {
	ID, Address, Type, Namespace, Module string
	Lines                                [2]int
	Labels                               map[string]string `json:",omitempty"`
	Pod                                  string            `json:",omitempty"`
	Containers                           []string          `json:",omitempty"`
	Locations                            map[string]int    `json:",omitempty"`
	Suppressed                           []string          `json:",omitempty"`
}

func TestParseGolden(t *testing.T) {
	for _, name := range []string{"mixed.yaml", "list.json", "anchors.yaml"} {
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
				v := view{ID: r.ID, Address: r.Address, Type: r.Type, Namespace: r.Namespace, Module: r.Module,
					Lines: [2]int{r.Range.Start.Line, r.Range.End.Line}, Labels: r.Labels}
				if pod, ok := r.Extra["pod"].(map[string]any); ok {
					v.Pod = pod["path"].(string)
					v.Locations = map[string]int{}
					for _, c := range pod["containers"].([]any) {
						cm := c.(map[string]any)
						p := cm["path"].(string)
						v.Containers = append(v.Containers, cm["kind"].(string)+" "+cm["name"].(string)+" "+p)
						for _, sub := range []string{"", ".image", ".securityContext.privileged", ".args[0]"} {
							path, err := resource.ParsePath(p + sub)
							if err != nil {
								t.Fatal(err)
							}
							v.Locations[p+sub] = r.Locate(path).Start.Line
						}
					}
				}
				for _, s := range r.Suppressions {
					v.Suppressed = append(v.Suppressed, strings.Join(s.Rules, ",")+": "+s.Reason)
				}
				got.Resources = append(got.Resources, v)
			}
			for _, d := range diags {
				got.Diagnostics = append(got.Diagnostics, d.Error())
			}
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

func TestAliasBombRefused(t *testing.T) {
	bomb := `apiVersion: v1
kind: ConfigMap
metadata: {name: bomb}
data:
  a: &a ["x","x","x","x","x","x","x","x","x","x"]
  b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]
  c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]
  d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]
  e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]
  f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]
  g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]
  h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g,*g]
---
apiVersion: v1
kind: Pod
metadata: {name: fine}
`
	rs, diags := Parse(t.Context(), "bomb.yaml", []byte(bomb))
	if len(rs) != 1 || rs[0].Name != "fine" {
		t.Fatalf("the document after the bomb must still load, got %d resources", len(rs))
	}
	if len(diags) != 1 || !strings.Contains(diags[0].Error(), "bomb.yaml:1") || !strings.Contains(diags[0].Error(), "alias") {
		t.Fatalf("want one positioned refusal, got %v", diags)
	}
}

func TestFromObject(t *testing.T) {
	r, diags := FromObject("admission", []byte(`{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","namespace":"n"},"spec":{"containers":[{"name":"c","image":"x"}]}}`))
	if diags.HasErrors() || r == nil {
		t.Fatal(diags)
	}
	if r.Address != "Pod/n/p" || r.Extra["pod"] == nil {
		t.Fatalf("got %+v", r)
	}
	if _, diags := FromObject("admission", []byte(`{"kind":`)); !diags.HasErrors() {
		t.Fatal("malformed JSON must be an error")
	}
}

func FuzzParse(f *testing.F) {
	for _, name := range []string{"mixed.yaml", "list.json", "anchors.yaml"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		rs, _ := Parse(t.Context(), "fuzz.yaml", b)
		lines := bytes.Count(b, []byte("\n")) + 1
		for _, r := range rs {
			if r.Kind != resource.Kubernetes || r.Type == "" {
				t.Fatalf("resource without kind or type: %+v", r)
			}
			paths := []resource.Path{{resource.Key("spec"), resource.Index(0)}, {resource.Key("metadata"), resource.Key("name")}}
			if pod, ok := r.Extra["pod"].(map[string]any); ok {
				for _, c := range pod["containers"].([]any) {
					p, err := resource.ParsePath(c.(map[string]any)["path"].(string) + ".securityContext.privileged")
					if err != nil {
						t.Fatal(err)
					}
					paths = append(paths, p)
				}
			}
			for _, p := range paths {
				rng := r.Locate(p)
				if rng.Filename != "fuzz.yaml" || rng.Start.Line < 0 || rng.Start.Line > lines || rng.End.Line > lines {
					t.Fatalf("%s of %s located at %+v in a %d-line input", p, r.Address, rng, lines)
				}
			}
		}
	})
}

func TestAnnotationSuppressions(t *testing.T) {
	obj := `{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p", "annotations": {"onus.dev/ignore": "ONUS-K8S-001 exp:2027-01-31 sidecar\nONUS-K8S-002,ONUS-K8S-003 legacy"}}, "spec": {"containers": []}}`
	r, diags := FromObject("pod.json", []byte(obj))
	if diags.HasErrors() || r == nil {
		t.Fatalf("FromObject: %v", diags)
	}
	var got []string
	for _, s := range r.Suppressions {
		got = append(got, strings.Join(s.Rules, ",")+"|"+s.Expires+"|"+s.Reason)
	}
	want := []string{"ONUS-K8S-001|2027-01-31|sidecar", "ONUS-K8S-002,ONUS-K8S-003||legacy"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("suppressions (-want +got):\n%s", diff)
	}
	if r.Suppressions[0].Range.Start.Line != 1 {
		t.Errorf("suppression range = %+v, want line 1", r.Suppressions[0].Range)
	}
}

// TestFromObjectJSONMatchesYAML checks that the JSON fast path of
// FromObject gives the resource the YAML path gives.
func TestFromObjectJSONMatchesYAML(t *testing.T) {
	obj := `{"apiVersion": "apps/v1", "kind": "Deployment",
 "metadata": {"name": "api", "namespace": "web", "labels": {"app": "api", "tier": 3}, "annotations": {"onus.dev/ignore": "ONUS-K8S-001 reason"}},
 "spec": {"replicas": 2, "ratio": 0.5, "big": 1e3, "on": true, "nothing": null,
  "template": {"spec": {"containers": [{"name": "api", "image": "x:1", "securityContext": {"privileged": true}}]}}}}`
	fast, diags := FromObject("obj.json", []byte(obj))
	if diags.HasErrors() || fast == nil {
		t.Fatalf("FromObject: %v", diags)
	}
	slow, diags := Parse(t.Context(), "obj.json", []byte(obj))
	if diags.HasErrors() || len(slow) != 1 {
		t.Fatalf("Parse: %v", diags)
	}
	if diff := cmp.Diff(slow[0].Attrs, fast.Attrs); diff != "" {
		t.Errorf("attrs (-yaml +json):\n%s", diff)
	}
	if diff := cmp.Diff(slow[0].Extra, fast.Extra); diff != "" {
		t.Errorf("pod view (-yaml +json):\n%s", diff)
	}
	if fast.Address != "Deployment/web/api" || fast.Labels["tier"] != "3" || len(fast.Suppressions) != 1 {
		t.Errorf("resource = %+v", fast)
	}
	p, _ := resource.ParsePath("spec.template.spec.containers[0].securityContext.privileged")
	if got, want := fast.Locate(p), slow[0].Locate(p); got.Start.Line != want.Start.Line || got.Start.Line != 4 {
		t.Errorf("located line %d, want %d (line 4)", got.Start.Line, want.Start.Line)
	}
	// not an object, or without a kind: the YAML path reports it
	for _, bad := range []string{`[1, 2]`, `{"metadata": {}}`} {
		if r, diags := FromObject("bad.json", []byte(bad)); r != nil || !diags.HasErrors() {
			t.Errorf("FromObject(%s) = %v, %v; want an error", bad, r, diags)
		}
	}
}

// FuzzFromObject feeds arbitrary bytes to the admission entry point: it
// must never panic, and an object it returns has a kind and an address.
func FuzzFromObject(f *testing.F) {
	for _, name := range []string{"list.json"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range []string{
		`{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p", "annotations": {"onus.dev/ignore": "X reason\nY"}}, "spec": {"containers": [{"name": "c"}]}}`,
		`{"apiVersion": "apps/v1", "kind": "Deployment", "spec": {"replicas": 1e400, "template": {"spec": {"containers": [1, "x", null]}}}}`,
		`{"kind": "Pod", "apiVersion": "v1", "kind": "Job"}`,
		`[[[[[[[[[[]]]]]]]]]]`,
		`{"apiVersion": "v1", "kind": "List", "items": []}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		r, _ := FromObject("obj.json", b)
		if r == nil {
			return
		}
		if r.Type == "" || r.Address == "" {
			t.Errorf("object without type or address: %+v", r)
		}
		for _, s := range r.Suppressions {
			_ = s.Matches("X")
		}
		r.Locate(resource.Path{resource.Key("spec"), resource.Key("template")})
	})
}
