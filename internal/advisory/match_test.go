package advisory

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

type matchFile struct {
	About    string   `json:"about"`
	Affected Affected `json:"affected"`
	Cases    []struct {
		Version      string   `json:"version"`
		Affected     bool     `json:"affected"`
		Fixed        []string `json:"fixed"`
		LastAffected string   `json:"last_affected"`
	} `json:"cases"`
}

// TestMatching evaluates the boundary tables of testdata/matching: per
// ecosystem, versions just below, at and above every event, pre-releases,
// qualifiers, epochs, unordered events, last_affected, limit and versions
// lists. No fixed version may be flagged and no affected one missed.
func TestMatching(t *testing.T) {
	files, err := filepath.Glob("testdata/matching/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no matching tables: %v", err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var mf matchFile
		if err := json.Unmarshal(b, &mf); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		t.Run(filepath.Base(f), func(t *testing.T) {
			for _, c := range mf.Cases {
				got := Evaluate(&mf.Affected, c.Version)
				if len(got.Undetermined) > 0 {
					t.Errorf("%s: undetermined: %v", c.Version, got.Undetermined)
					continue
				}
				want := Verdict{Affected: c.Affected, Fixed: c.Fixed, LastAffected: c.LastAffected}
				if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
					t.Errorf("%s %s (-want +got):\n%s", mf.Affected.Package.Ecosystem, c.Version, diff)
				}
			}
		})
	}
}

func TestUnparseableVersionIsUndetermined(t *testing.T) {
	a := &Affected{
		Package: Package{Ecosystem: "Maven", Name: "g:a"},
		Ranges:  []Range{{Type: RangeEcosystem, Events: []Event{{Introduced: "0"}, {Fixed: "1.0"}}}},
	}
	got := Evaluate(a, "")
	if got.Affected || len(got.Undetermined) == 0 {
		t.Fatalf("an empty version must be undetermined, not unaffected: %+v", got)
	}
	g := &Affected{
		Package: Package{Ecosystem: "Go", Name: "m"},
		Ranges:  []Range{{Type: RangeSemver, Events: []Event{{Introduced: "0"}, {Fixed: "1.0.0"}}}},
	}
	if got := Evaluate(g, "not-a-version"); got.Affected || len(got.Undetermined) == 0 {
		t.Fatalf("a bad Go version must be undetermined: %+v", got)
	}
}

func TestUnknownEcosystemUsesVersionsList(t *testing.T) {
	a := &Affected{
		Package:  Package{Ecosystem: "Hex", Name: "plug"},
		Ranges:   []Range{{Type: RangeEcosystem, Events: []Event{{Introduced: "0"}, {Fixed: "1.0"}}}},
		Versions: []string{"0.9.1"},
	}
	if got := Evaluate(a, "0.9.1"); !got.Affected {
		t.Fatalf("a listed version must match: %+v", got)
	}
	got := Evaluate(a, "0.9.2")
	if got.Affected || len(got.Undetermined) != 1 {
		t.Fatalf("an unlisted version of an ecosystem without ordering is undetermined: %+v", got)
	}
}

func TestBuiltinSet(t *testing.T) {
	s, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Records) < 10 {
		t.Fatalf("built-in set has %d records", len(s.Records))
	}
	for _, v := range s.Records {
		kev, date := knownExploited(v)
		if kev && date == "" {
			t.Errorf("%s: known_exploited without kev_date_added", v.ID)
		}
		if v.CVE() == "" {
			t.Errorf("%s: no CVE alias", v.ID)
		}
		if _, ok := v.DatabaseSpecific["source"].(string); !ok {
			t.Errorf("%s: database_specific.source must say where the data comes from", v.ID)
		}
		hasRef := false
		for _, r := range v.References {
			hasRef = hasRef || r.Type == "ADVISORY"
		}
		if !hasRef {
			t.Errorf("%s: no ADVISORY reference", v.ID)
		}
		dates, _ := v.DatabaseSpecific["fix_dates"].(map[string]any)
		for ver := range dates {
			found := false
			for _, a := range v.Affected {
				for _, r := range a.Ranges {
					for _, e := range r.Events {
						found = found || e.Fixed == ver
					}
				}
			}
			if !found {
				t.Errorf("%s: fix_dates names %s, which no range fixes", v.ID, ver)
			}
		}
	}
	db := &DB{Builtin: s}
	cases := []struct {
		eco, name, version string
		want               []string
	}{
		{"Maven", "org.apache.struts:struts2-core", "2.3.31", []string{"GHSA-cr6j-3jp9-rw65", "GHSA-j77q-2qqg-6989"}},
		{"Maven", "org.apache.struts:struts2-core", "2.3.32", []string{"GHSA-cr6j-3jp9-rw65"}},
		{"Maven", "org.apache.struts:struts2-core", "2.5.10", []string{"GHSA-cr6j-3jp9-rw65", "GHSA-j77q-2qqg-6989"}},
		{"Maven", "org.apache.struts:struts2-core", "2.5.10.1", []string{"GHSA-cr6j-3jp9-rw65"}},
		{"Maven", "org.apache.struts:struts2-core", "2.5.17", nil},
		{"Maven", "org.apache.logging.log4j:log4j-core", "2.14.1", []string{"GHSA-7rjr-3q55-vv33", "GHSA-jfh8-c2jp-5v3q"}},
		{"Maven", "org.apache.logging.log4j:log4j-core", "2.15.0", []string{"GHSA-7rjr-3q55-vv33"}},
		{"Maven", "org.apache.logging.log4j:log4j-core", "2.16.0", nil},
		{"Maven", "org.apache.logging.log4j:log4j-core", "2.12.2", nil},
		{"Maven", "org.springframework:spring-beans", "5.3.17", []string{"GHSA-36p3-wjmg-h94x"}},
		{"Maven", "org.springframework:spring-beans", "5.2.20.RELEASE", nil},
		{"Maven", "org.apache.commons:commons-text", "1.9", []string{"GHSA-599f-7c49-w659"}},
		{"Maven", "org.apache.commons:commons-text", "1.4", nil},
		{"RubyGems", "actionview", "5.2.2", []string{"GHSA-86g5-2wh3-gc9j"}},
		{"npm", "systeminformation", "5.3.0", []string{"GHSA-2m8v-572m-ff2v"}},
		{"Go", "golang.org/x/net", "0.16.0", []string{"GHSA-qppj-fm5r-hxr3"}},
		{"Go", "google.golang.org/grpc", "1.57.1", nil},
		{"Packagist", "drupal/core", "8.5.0", []string{"ONUS-2018-7600"}},
		{"Packagist", "drupal/core", "8.4.6", nil},
		{"Packagist", "drupal/drupal", "7.57", []string{"ONUS-2018-7600"}},
		{"Packagist", "drupal/drupal", "7.58", nil},
		{"Packagist", "phpunit/phpunit", "5.6.2", []string{"GHSA-r7c9-c69m-rph8"}},
		{"Packagist", "phpunit/phpunit", "4.8.18", nil},
		{"PyPI", "salt", "3000.1", []string{"ONUS-2020-11651"}},
		{"PyPI", "salt", "2019.2.4", nil},
		{"PyPI", "Salt", "2019.2.3", []string{"ONUS-2020-11651"}},
	}
	for _, c := range cases {
		ms, und, err := db.Match(c.eco, c.name, c.version)
		if err != nil || len(und) > 0 {
			t.Fatalf("%s %s: %v %v", c.name, c.version, err, und)
		}
		var got []string
		for _, m := range ms {
			got = append(got, m.Vuln.ID)
		}
		if diff := cmp.Diff(c.want, got); diff != "" {
			t.Errorf("%s %s (-want +got):\n%s", c.name, c.version, diff)
		}
	}
	ms, _, _ := db.Match("Maven", "org.apache.struts:struts2-core", "2.3.31")
	for _, m := range ms {
		if m.Vuln.ID == "GHSA-j77q-2qqg-6989" {
			if !m.KnownExploited || m.FixDate != "2017-03-06" || m.FixDateSource != "advisory" || m.Severity != "critical" {
				t.Errorf("struts S2-045 facts: %+v", m)
			}
		}
	}
}
