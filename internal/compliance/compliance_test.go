package compliance

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/onus-project/onus/internal/finding"
	"github.com/onus-project/onus/internal/policy"
	"github.com/onus-project/onus/internal/policy/builtin"
	"github.com/onus-project/onus/internal/report"
)

// required are the frameworks issue 6 asks catalogs for.
var required = []string{"cis-kubernetes", "cis-aws", "cis-azure", "cis-gcp", "nist-800-53", "csa-ccm", "pci-dss"}

func TestCatalogs(t *testing.T) {
	all, err := Catalogs()
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range required {
		fw, ok := all[id]
		if !ok {
			t.Errorf("no catalog for %s", id)
			continue
		}
		name, known := policy.Frameworks[id]
		if !known {
			t.Errorf("%s is not in policy.Frameworks", id)
		}
		if !strings.Contains(name, fw.Version) {
			t.Errorf("%s: policy.Frameworks says %q, the catalog is %s", id, name, fw.Version)
		}
	}
	for id := range all {
		if _, known := policy.Frameworks[id]; !known {
			t.Errorf("catalog %s is not in policy.Frameworks", id)
		}
	}
	counts := map[string]int{"csa-ccm": 197, "cis-aws": 62, "cis-kubernetes": 129}
	for id, want := range counts {
		if got := len(all[id].Controls); got != want {
			t.Errorf("%s has %d controls, want %d", id, got, want)
		}
	}
	ccm := all["csa-ccm"]
	for id, owner := range map[string]finding.Owner{"DCS-07": finding.Provider, "DCS-05": finding.Shared, "IAM-05": finding.Shared, "UEM-08": finding.Customer, "CEK-08": finding.Provider} {
		if c, ok := ccm.Control(id); !ok || c.Owner != owner {
			t.Errorf("csa-ccm %s: owner %s, want %s", id, c.Owner, owner)
		}
	}
	k8s := all["cis-kubernetes"]
	if c, _ := k8s.Control("1.2.16"); c.Owner != finding.Provider || c.Assessment != "automated" || c.Why == "" {
		t.Errorf("cis-kubernetes 1.2.16: %+v", c)
	}
	if c, _ := k8s.Control("5.2.2"); c.Owner != finding.Customer || c.Assessment != "manual" {
		t.Errorf("cis-kubernetes 5.2.2: %+v", c)
	}
}

// Every control id a built-in policy maps to must exist in its framework's
// catalog, so that "not covered" and "passing" mean something. The failure
// lists every unknown id with its policy.
func TestBuiltinPolicyControlsExist(t *testing.T) {
	all, err := Catalogs()
	if err != nil {
		t.Fatal(err)
	}
	set, diags := builtin.Load()
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	var bad []string
	for _, p := range set.Policies {
		for fw, ids := range p.Controls {
			cat, ok := all[fw]
			if !ok {
				continue // a framework without a catalog (nsa-cisa-kubernetes, cis-docker)
			}
			for _, id := range ids {
				if _, ok := cat.Control(id); !ok {
					bad = append(bad, fmt.Sprintf("%s (%s): %s %q is not in %s", p.ID, p.File, fw, id, "internal/compliance/data/"+fw+".yaml"))
				}
			}
		}
	}
	slices.Sort(bad)
	if len(bad) > 0 {
		t.Errorf("%d control ids in built-in policies are not in their framework's catalog:\n  %s", len(bad), strings.Join(bad, "\n  "))
	}
}

func TestAssess(t *testing.T) {
	fw := &Framework{ID: "fw", Name: "FW", Version: "1", Controls: []Control{
		{ID: "1", Owner: finding.Customer}, {ID: "2", Owner: finding.Customer}, {ID: "3", Owner: finding.Customer},
		{ID: "4", Owner: finding.Provider, Why: "data centre"}, {ID: "5", Owner: finding.Shared},
	}}
	rep := &report.Report{
		Policies: []*policy.Policy{
			{ID: "P-FAIL", Controls: map[string][]string{"fw": {"1", "5"}}},
			{ID: "P-PASS", Controls: map[string][]string{"fw": {"2", "5", "9"}}},
			{ID: "P-IDLE", Controls: map[string][]string{"fw": {"3"}}},
		},
		Results: map[string]report.PolicyResult{
			"P-FAIL": {Checks: 3, Passed: 2, Failed: 1},
			"P-PASS": {Checks: 2, Passed: 2},
		},
	}
	a := Assess(fw, rep)
	want := []Status{Failing, Passing, NotCovered, Provider, Failing}
	for i, w := range want {
		if a.Controls[i].Status != w {
			t.Errorf("control %s: %s, want %s (%s)", a.Controls[i].ID, a.Controls[i].Status, w, a.Controls[i].Reason)
		}
	}
	if c := a.Controls[4]; c.Passed != 4 || c.Failed != 1 || strings.Join(c.Policies, ",") != "P-FAIL,P-PASS" {
		t.Errorf("control 5: %+v", c)
	}
	if len(a.Unknown) != 1 || a.Unknown[0].Control != "9" {
		t.Errorf("unknown: %+v", a.Unknown)
	}
	if a.Summary[Failing] != 2 || a.Summary[NotCovered] != 1 {
		t.Errorf("summary: %v", a.Summary)
	}
	for _, f := range FormatNames() {
		var b strings.Builder
		if err := Write(&b, a, f); err != nil || !strings.Contains(b.String(), "P-FAIL") {
			t.Errorf("%s: %v\n%s", f, err, b.String())
		}
	}
}
