package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/onus-project/onus/internal/finding"
)

// sarifSchema compiles the official SARIF 2.1.0 schema shipped in
// testdata (OASIS, errata 01), asserting formats.
func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("the shipped SARIF schema is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	const loc = "file:///sarif-schema-2.1.0.json"
	if err := c.AddResource(loc, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(loc)
	if err != nil {
		t.Fatalf("compile SARIF schema: %v", err)
	}
	return sch
}

func validateSARIF(t *testing.T, sch *jsonschema.Schema, b []byte) error {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("SARIF output is not JSON: %v", err)
	}
	return sch.Validate(inst)
}

func TestSARIFGoldenAndSchema(t *testing.T) {
	out := render(t, "sarif", Options{})
	golden(t, "report.sarif", out)
	sch := sarifSchema(t)
	if err := validateSARIF(t, sch, out); err != nil {
		t.Fatalf("SARIF output does not validate against the SARIF 2.1.0 schema:\n%v", err)
	}
	// an empty report validates too
	var buf bytes.Buffer
	if err := (&SARIF{}).Write(&buf, Build(Input{Now: fixtureTime})); err != nil {
		t.Fatal(err)
	}
	if err := validateSARIF(t, sch, buf.Bytes()); err != nil {
		t.Fatalf("empty SARIF log does not validate:\n%v", err)
	}
}

// TestSARIFSchemaRejects shows the validator really checks: documents that
// break the schema in ways a writer could fail are refused.
func TestSARIFSchemaRejects(t *testing.T) {
	sch := sarifSchema(t)
	good := render(t, "sarif", Options{})
	for name, mutate := range map[string]func(map[string]any){
		"no version":   func(d map[string]any) { delete(d, "version") },
		"bad level":    func(d map[string]any) { result(d, 0)["level"] = "fatal" },
		"line zero":    func(d map[string]any) { region(d)["startLine"] = 0 },
		"bad kind":     func(d map[string]any) { result(d, 0)["suppressions"] = []any{map[string]any{"kind": "inline"}} },
		"no message":   func(d map[string]any) { delete(result(d, 0), "message") },
		"unknown prop": func(d map[string]any) { result(d, 0)["severity"] = "high" },
	} {
		t.Run(name, func(t *testing.T) {
			var doc map[string]any
			if err := json.Unmarshal(good, &doc); err != nil {
				t.Fatal(err)
			}
			mutate(doc)
			b, _ := json.Marshal(doc)
			if err := validateSARIF(t, sch, b); err == nil {
				t.Fatal("the schema accepted an invalid document")
			}
		})
	}
}

func run0(d map[string]any) map[string]any { return d["runs"].([]any)[0].(map[string]any) }

func result(d map[string]any, i int) map[string]any {
	return run0(d)["results"].([]any)[i].(map[string]any)
}

func region(d map[string]any) map[string]any {
	loc := result(d, 0)["locations"].([]any)[0].(map[string]any)
	return loc["physicalLocation"].(map[string]any)["region"].(map[string]any)
}

// TestSARIFContent checks what GitHub code scanning relies on.
func TestSARIFContent(t *testing.T) {
	rep := fixture()
	var log sarifLog
	if err := json.Unmarshal(render(t, "sarif", Options{}), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if len(run.Tool.Driver.Rules) != len(rep.Policies) {
		t.Fatalf("%d rules, want one per policy (%d)", len(run.Tool.Driver.Rules), len(rep.Policies))
	}
	rules := map[string]sarifRule{}
	for i, r := range run.Tool.Driver.Rules {
		rules[r.ID] = r
		if i > 0 && run.Tool.Driver.Rules[i-1].ID >= r.ID {
			t.Error("rules are not sorted by id")
		}
		for _, k := range []string{"security-severity", "precision", "tags"} {
			if _, ok := r.Properties[k]; !ok {
				t.Errorf("rule %s lacks property %s", r.ID, k)
			}
		}
		for _, section := range []string{"## Why it matters", "## How to fix"} {
			if !strings.Contains(r.Help.Markdown, section) {
				t.Errorf("rule %s help lacks %q", r.ID, section)
			}
		}
	}
	priv := rules["ONUS-K8S-001"]
	if priv.Properties["security-severity"] != "9.5" || priv.DefaultConfiguration.Level != "error" {
		t.Errorf("critical rule: security-severity %v, level %s", priv.Properties["security-severity"], priv.DefaultConfiguration.Level)
	}
	tags := priv.Properties["tags"].([]any)
	for _, want := range []string{"security", "layer:operating-system", "owner:shared", "category:workload-isolation", "service-model:CaaS"} {
		if !containsAny(tags, want) {
			t.Errorf("rule tags %v lack %s", tags, want)
		}
	}
	if !strings.Contains(priv.Help.Markdown, "| Kubernetes workloads (`kubernetes-workloads`) | CaaS | shared |") {
		t.Errorf("rule help does not name the owner of the layer on its service:\n%s", priv.Help.Markdown)
	}
	if !strings.Contains(priv.Help.Markdown, "CIS Kubernetes Benchmark") {
		t.Error("rule help lacks its controls")
	}
	if len(run.Results) != len(rep.Findings) {
		t.Fatalf("%d results, want one per finding (%d)", len(run.Results), len(rep.Findings))
	}
	suppressed := map[string]string{}
	for i, res := range run.Results {
		f := rep.Findings[i]
		if run.Tool.Driver.Rules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("result %d: ruleIndex points at %s, not %s", i, run.Tool.Driver.Rules[res.RuleIndex].ID, res.RuleID)
		}
		if res.PartialFingerprints[FingerprintKey] != f.Fingerprint {
			t.Errorf("result %d: fingerprint %q, want the finding's %q", i, res.PartialFingerprints[FingerprintKey], f.Fingerprint)
		}
		pl := res.Locations[0].PhysicalLocation
		if pl.ArtifactLocation.URIBaseID != SrcRoot || strings.HasPrefix(pl.ArtifactLocation.URI, "/") {
			t.Errorf("result %d: location %+v is not relative to %s", i, pl.ArtifactLocation, SrcRoot)
		}
		if !strings.HasPrefix(pl.ArtifactLocation.URI, "estate/") {
			t.Errorf("result %d: uri %s does not start at the scan root", i, pl.ArtifactLocation.URI)
		}
		if pl.Region.StartLine != f.Location.StartLine || pl.Region.EndLine < pl.Region.StartLine {
			t.Errorf("result %d: region %+v for %+v", i, pl.Region, f.Location)
		}
		if len(res.Suppressions) > 0 {
			suppressed[res.Suppressions[0].Kind] = res.Suppressions[0].Justification
		}
		if (f.Status == finding.Waived) != (len(res.Suppressions) > 0) {
			t.Errorf("result %d: status %s but %d suppressions", i, f.Status, len(res.Suppressions))
		}
	}
	if suppressed["inSource"] == "" || suppressed["external"] != "demo data, not a real credential" {
		t.Errorf("suppressions: %v, want an inSource and an external one with justifications", suppressed)
	}
	if !strings.Contains(string(render(t, "sarif", Options{})), `"uri": "estate/apps/caf%C3%A9/pod.yaml"`) {
		t.Error("non-ASCII paths are not percent-encoded")
	}
	notes := run.Invocations[0].ToolExecutionNotifications
	if len(notes) != len(rep.Diagnostics) || run.Invocations[0].ExecutionSuccessful {
		t.Fatalf("diagnostics: %+v", run.Invocations[0])
	}
	for i, d := range rep.Diagnostics {
		if (d.Severity == "error") != (notes[i].Level == "error") || (d.File != "") != (len(notes[i].Locations) > 0) {
			t.Errorf("notification %d = %+v for %+v", i, notes[i], d)
		}
	}
}

func TestSARIFURIBase(t *testing.T) {
	for _, tc := range []struct {
		name, root, file, wantURI, wantBase string
	}{
		{"dot", ".", "a/b.yaml", "a/b.yaml", ""},
		{"relative dir", "infra/k8s/", "b.yaml", "infra/k8s/b.yaml", ""},
		{"file root", "infra/pod.yaml", "pod.yaml", "infra/pod.yaml", ""},
		{"absolute", "/home/ci/repo", "x y.yaml", "x%20y.yaml", "file:///home/ci/repo/"},
		{"outside", "../other", "c.yaml", "c.yaml", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := Build(Input{Roots: []string{tc.root}, Findings: []finding.Finding{{Rule: "X-1", Location: finding.Location{File: tc.file, StartLine: 1}}}})
			b := uriBase(r)
			if got := b.artifact(tc.file).URI; got != tc.wantURI {
				t.Errorf("uri = %s, want %s", got, tc.wantURI)
			}
			if b.root.URI != tc.wantBase {
				t.Errorf("%s = %q, want %q", SrcRoot, b.root.URI, tc.wantBase)
			}
		})
	}
}

func containsAny(xs []any, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}
