package scan

import (
	"bytes"
	"os"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/onus-project/onus/internal/config"
	"github.com/onus-project/onus/internal/ownership"
	"github.com/onus-project/onus/internal/report"
	"github.com/onus-project/onus/internal/waiver"
)

// The JSON report of a real scan, with every section filled (teams, gaps,
// matrix, inline and file waivers, expired and stale waivers, a baseline,
// diagnostics), validates against docs/report.schema.json.
func TestReportValidatesAgainstSchema(t *testing.T) {
	f, err := os.Open("../../docs/report.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("report.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("report.schema.json")
	if err != nil {
		t.Fatal(err)
	}

	cfg, diags := config.Parse("onus.yaml", []byte(teamsConfig))
	if cfg == nil {
		t.Fatal(diags)
	}
	router, _ := ownership.NewRouter(cfg, "", nil)
	wf, diags := waiver.Parse("waivers.yaml", []byte(`waivers:
  - {rule: ONUS-K8S-001, resource: "Deployment/web/worker", reason: r, approver: a, ticket: T-1, expires: 2030-01-01}
  - {rule: ONUS-K8S-001, resource: "Deployment/web/old", reason: r, expires: 2030-01-01}
  - {rule: ONUS-K8S-001, path: "gone/**", reason: r, expires: 2020-01-01}
`))
	if wf == nil {
		t.Fatal(diags)
	}
	files := map[string]string{
		"k8s/app.yaml":    original,
		"k8s/inline.yaml": "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: web}\nspec:\n  containers:\n    - name: c\n      image: x:1\n      securityContext:\n        privileged: true # onus:ignore ONUS-K8S-001 exp:2030-01-01 accepted\n",
		"k8s/broken.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: [unclosed\n",
	}
	old := run(t, files, OwnershipOptions{Router: router})
	var buf bytes.Buffer
	if err := (report.JSON{}).Write(&buf, old); err != nil {
		t.Fatal(err)
	}
	base, err := report.ReadBaseline(&buf)
	if err != nil {
		t.Fatal(err)
	}
	rep := run(t, files, OwnershipOptions{Router: router, Waivers: wf, Baseline: base})
	if len(rep.Findings) == 0 || len(rep.Gaps) == 0 || len(rep.Waivers.Stale) == 0 || len(rep.Waivers.Expired) == 0 || rep.Summary.Errors == 0 || rep.Summary.Waived < 2 {
		t.Fatalf("the report must exercise every section: %+v", rep.Summary)
	}
	buf.Reset()
	if err := (report.JSON{}).Write(&buf, rep); err != nil {
		t.Fatal(err)
	}
	v, err := jsonschema.UnmarshalJSON(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(v); err != nil {
		t.Fatalf("the report does not validate against docs/report.schema.json:\n%v", err)
	}
	// and the schema is not vacuous: a finding without a rule is refused
	bad := map[string]any{}
	for k, x := range v.(map[string]any) {
		bad[k] = x
	}
	bad["findings"] = []any{map[string]any{"title": "x"}}
	if err := schema.Validate(bad); err == nil {
		t.Fatal("a malformed finding validated")
	}
}
