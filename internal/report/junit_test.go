package report

import (
	"encoding/xml"
	"strings"
	"testing"
)

func TestJUnitGolden(t *testing.T) {
	out := render(t, "junit", Options{})
	golden(t, "report.junit.xml", out)

	var doc junitSuites
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatalf("JUnit output is not XML: %v", err)
	}
	rep := fixture()
	// a suite per policy, plus inputs and gaps
	if len(doc.Suites) != len(rep.Policies)+2 {
		t.Fatalf("%d suites, want %d", len(doc.Suites), len(rep.Policies)+2)
	}
	suites := map[string]junitSuite{}
	for _, s := range doc.Suites {
		key := strings.Fields(s.Name)[0]
		if key == "onus" {
			key = s.Name
		}
		suites[key] = s
	}
	// a case per policy × resource checked: ONUS-K8S-050 checked 3 resources
	secrets := suites["ONUS-K8S-050"]
	if secrets.Tests != 3 || secrets.Failures != 0 || secrets.Skipped != 2 {
		t.Errorf("ONUS-K8S-050: tests %d failures %d skipped %d, want 3 0 2 (one waived, one undetermined)", secrets.Tests, secrets.Failures, secrets.Skipped)
	}
	priv := suites["ONUS-K8S-001"]
	if priv.Tests != 3 || priv.Failures != 1 {
		t.Errorf("ONUS-K8S-001: tests %d failures %d, want 3 and 1", priv.Tests, priv.Failures)
	}
	for _, c := range priv.Cases {
		if c.Failure != nil {
			if c.Line != 21 || c.File != "apps/api/deploy.yaml" || !strings.Contains(c.Failure.Message, `container "api" runs privileged`) {
				t.Errorf("failing case points at %s:%d with %q", c.File, c.Line, c.Failure.Message)
			}
			if !strings.Contains(c.Failure.Text, "owner shared") || !strings.Contains(c.Failure.Text, "fix: Remove") {
				t.Errorf("failure text lacks owner or fix:\n%s", c.Failure.Text)
			}
		}
	}
	ing := suites["ONUS-K8S-041"].Cases[0]
	// XML 1.0 cannot hold control characters: they become U+FFFD, the rest survives
	wantHostile := strings.Map(func(r rune) rune {
		if r < 0x20 {
			return '\uFFFD'
		}
		return r
	}, hostile)
	if ing.Failure == nil || !strings.Contains(ing.Failure.Message, wantHostile) {
		t.Errorf("hostile text does not survive XML escaping: %+v", ing.Failure)
	}
	inputs := suites["onus inputs"]
	if inputs.Errors != 1 || !strings.Contains(inputs.SystemErr, "inline waiver expired") {
		t.Errorf("inputs suite: errors %d, system-err %q", inputs.Errors, inputs.SystemErr)
	}
	if doc.Failures != 5 || doc.Errors != 1 {
		t.Errorf("totals: failures %d errors %d, want 5 (one per failing check) and 1", doc.Failures, doc.Errors)
	}
}

// Without checks (a report read back from JSON) cases come from findings.
func TestJUnitWithoutChecks(t *testing.T) {
	rep := fixture()
	rep.Checks = nil
	var b strings.Builder
	if err := (JUnit{}).Write(&b, rep); err != nil {
		t.Fatal(err)
	}
	var doc junitSuites
	if err := xml.Unmarshal([]byte(b.String()), &doc); err != nil {
		t.Fatal(err)
	}
	// the waived café secret and two gaps are skipped; no undetermined case without checks
	if doc.Failures != 5 || doc.Skipped != 3 {
		t.Errorf("failures %d skipped %d, want 5 and 3", doc.Failures, doc.Skipped)
	}
}
