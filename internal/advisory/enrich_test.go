package advisory

import (
	"strings"
	"testing"
	"time"

	"github.com/onus-project/onus/internal/ecosystem"
	"github.com/onus-project/onus/internal/loader/inventory"
	"github.com/onus-project/onus/internal/resource"
)

func TestEnricher(t *testing.T) {
	b, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	pkgs := []inventory.Package{
		{Type: ecosystem.Maven, OSV: "Maven", Name: "org.apache.struts:struts2-core", Version: "2.3.31"},
		{Type: ecosystem.Maven, OSV: "Maven", Name: "org.apache.struts:struts2-core", Version: "2.5.30"},
		{Type: ecosystem.Npm, OSV: "npm", Name: "systeminformation", Version: "not-a-version"},
		{Type: ecosystem.Npm, OSV: "npm", Name: "systeminformation", Version: "5.2.9"},
	}
	var rs []*resource.Resource
	for i := range 50 { // enough resources for every worker
		for j, p := range pkgs {
			rs = append(rs, inventory.Resource("bom.json", i*len(pkgs)+j, p))
		}
	}
	rs = append(rs, &resource.Resource{ID: "k8s", Kind: resource.Kubernetes, Attrs: map[string]any{}})
	now := time.Date(2026, 12, 9, 0, 0, 0, 0, time.UTC)
	ext, diags := (&Enricher{DB: &DB{Builtin: b}, Now: now}).Enrich(t.Context(), rs)
	if ext.Name != ExtensionName {
		t.Fatalf("extension %q", ext.Name)
	}
	p := ext.Value.(Provenance)
	if !p.BuiltinOnly || p.Packages != 200 || p.Affected != 100 || p.Matches != 150 || p.AgeDays != 10 {
		t.Fatalf("provenance %+v", p)
	}
	if s := p.TextSummary(); !strings.Contains(s, "built-in set only") || !strings.Contains(s, "10 days old") || !strings.Contains(s, "100 of 200 packages affected") {
		t.Fatalf("summary %q", s)
	}
	// the unparseable npm version: a warning per resource, not silence
	if len(diags) != 50 || diags.HasErrors() || !strings.Contains(diags[0].Error(), "advisory not evaluated") {
		t.Fatalf("diagnostics: %d %v", len(diags), diags[:1])
	}
	advs := rs[0].Attrs["advisories"].([]any)
	if len(advs) != 2 {
		t.Fatalf("struts 2.3.31: %v", advs)
	}
	a := advs[1].(map[string]any)
	if a["id"] != "GHSA-j77q-2qqg-6989" || a["cve"] != "CVE-2017-5638" || a["known_exploited"] != true ||
		a["fix_date"] != "2017-03-06" || a["severity"] != "critical" || a["source"] != SourceBuiltin {
		t.Fatalf("advisory attrs %v", a)
	}
	if fixed := a["fixed"].([]any); len(fixed) != 1 || fixed[0] != "2.3.32" {
		t.Fatalf("fixed %v", fixed)
	}
	if got := rs[1].Attrs["advisories"].([]any); len(got) != 0 {
		t.Fatalf("struts 2.5.30 is fixed, got %v", got)
	}
	if _, ok := rs[len(rs)-1].Attrs["advisories"]; ok {
		t.Fatal("non-package resources must not be touched")
	}
}
