package config

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/onus-project/onus/internal/finding"
	"github.com/onus-project/onus/internal/resource"
)

func TestParseFull(t *testing.T) {
	b, err := os.ReadFile("testdata/full.yaml")
	if err != nil {
		t.Fatal(err)
	}
	c, diags := Parse("onus.yaml", b)
	if len(diags) > 0 || c == nil {
		t.Fatalf("diagnostics: %v", diags)
	}
	if c.FailOn != "medium" || c.MaxFileSize != 2048 || c.Waivers != "waivers.yaml" {
		t.Errorf("scalars: %q %d %q", c.FailOn, c.MaxFileSize, c.Waivers)
	}
	if diff := cmp.Diff([]string{"platform", "payments", "security"}, c.TeamNames()); diff != "" {
		t.Errorf("teams (-want +got):\n%s", diff)
	}
	if got := c.Teams[1].Handles; len(got) != 2 || got[1] != "pay-lead@example.com" {
		t.Errorf("handles: %v", got)
	}
	if c.Policies.Severity["ONUS-K8S-001"] != finding.High || c.Policies.Categories.Disable[0] != finding.Resilience {
		t.Errorf("policies: %+v", c.Policies)
	}
	if c.Policies.Params["ONUS-K8S-001"]["allow"] != true {
		t.Errorf("params: %v", c.Policies.Params)
	}
	rules := c.Ownership.Rules
	if len(rules) != 3 || rules[2].Selectors() != 7 || rules[1].Labels["app.kubernetes.io/part-of"] != "pay*" {
		t.Errorf("rules: %+v", rules)
	}
	if c.Matrix[1].Provider != "kubernetes" || c.Matrix[1].Layers[finding.OperatingSystem] != finding.Customer {
		t.Errorf("matrix: %+v", c.Matrix)
	}
	if c.Catalog[1].Types[resource.Terraform][0] != "acme_queue" || c.Catalog[0].Model != finding.IaaS {
		t.Errorf("catalog: %+v", c.Catalog)
	}
	if got := c.At("ownership.rules[1].namespaces").String(); got != "onus.yaml:32:7" {
		t.Errorf("At = %s", got)
	}
	if got := c.At("thresholds.teams.payments").String(); got != "onus.yaml:44:11" {
		t.Errorf("At = %s", got)
	}
}

func TestThreshold(t *testing.T) {
	b, _ := os.ReadFile("testdata/full.yaml")
	c, diags := Parse("onus.yaml", b)
	if c == nil {
		t.Fatal(diags)
	}
	tests := []struct {
		owner          finding.Owner
		team, override string
		want           string
	}{
		{finding.Customer, "platform", "", "medium"},  // fail_on
		{finding.Customer, "platform", "low", "low"},  // --fail-on replaces fail_on
		{finding.Shared, "platform", "low", "high"},   // the owner's threshold wins
		{finding.Shared, "payments", "", "none"},      // the team's wins over the owner's
		{finding.Provider, "", "", "critical"},        // set explicitly
		{finding.Customer, "payments", "low", "none"}, // team
		{finding.Customer, "", "", "medium"},          // no team
	}
	for _, tc := range tests {
		if got := c.Threshold(tc.owner, tc.team, tc.override); got != tc.want {
			t.Errorf("Threshold(%s, %q, %q) = %s, want %s", tc.owner, tc.team, tc.override, got, tc.want)
		}
	}
	if got := Default().Threshold(finding.Provider, "", "low"); got != "none" {
		t.Errorf("provider findings must not fail a build by default, got %s", got)
	}
}

// Every error names file:line:col of the offending key or value.
func TestParseErrorsArePositioned(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"unknown top-level key", "fail_on: high\nteam: []\n",
			[]string{`onus.yaml:2:1: invalid config: onus.yaml: unknown key "team" (want one of catalog,`}},
		{"unknown nested key", "teams:\n  - name: a\n    email: a@x\n",
			[]string{`onus.yaml:3:5: invalid config: teams[0]: unknown key "email"`}},
		{"bad severity", "fail_on: urgent\n",
			[]string{`onus.yaml:1:10: invalid config: fail_on: unknown value "urgent"`}},
		{"bad layer in a rule", "teams: [{name: a}]\nownership:\n  rules:\n    - team: a\n      layers: [os]\n",
			[]string{`onus.yaml:5:16: invalid config: ownership.rules[0].layers[0]: unknown value "os"`}},
		{"unknown team in a rule", "teams: [{name: a}]\nownership:\n  rules:\n    - team: b\n      layers: [network]\n",
			[]string{`onus.yaml:4:7: invalid config: ownership.rules[0].team: unknown team "b" (defined teams: a)`}},
		{"rule without selectors", "teams: [{name: a}]\nownership:\n  rules:\n    - team: a\n",
			[]string{`onus.yaml:4:7: invalid config: ownership.rules[0]: a rule needs at least one selector`}},
		{"provider owner in a rule", "teams: [{name: a}]\nownership:\n  rules:\n    - {team: a, owners: [provider]}\n",
			[]string{`onus.yaml:4:26: invalid config: ownership.rules[0].owners[0]: provider-owned layers are not routed`}},
		{"duplicate team", "teams:\n  - name: a\n  - name: a\n",
			[]string{`onus.yaml:3:5: invalid config: teams[1]: team "a" is defined twice`}},
		{"bad glob", "teams: [{name: a}]\nownership:\n  rules:\n    - team: a\n      paths: [\"apps/[\"]\n",
			[]string{`onus.yaml:5:15: invalid config: ownership.rules[0].paths[0]: "apps/[" is not a valid glob`}},
		{"unknown threshold team", "thresholds:\n  teams:\n    ghosts: high\n",
			[]string{`onus.yaml:3:5: invalid config: thresholds.teams: unknown team "ghosts" (no teams are defined`}},
		{"bad matrix cell", "matrix:\n  - model: PaaS\n    layers: {network: nobody}\n",
			[]string{`onus.yaml:3:23: invalid config: matrix[0].layers.network: unknown value "nobody"`}},
		{"wrong type", "ignore: {a: b}\n",
			[]string{`onus.yaml:1:9: invalid config: ignore: want a list, got a mapping`}},
		{"duplicate key", "fail_on: low\nfail_on: high\n",
			[]string{`onus.yaml:2:1: invalid config: onus.yaml: key "fail_on" is given twice`}},
		{"bad handle", "teams:\n  - name: a\n    handles: [platform]\n",
			[]string{`onus.yaml:3:15: invalid config: teams[0].handles[0]: "platform" is not a CODEOWNERS owner`}},
		{"several errors at once", "fail_on: x\nmax_file_size: -1\n",
			[]string{`onus.yaml:1:10:`, `onus.yaml:2:16: invalid config: max_file_size: must be a positive`}},
		{"bad yaml", "teams: [\n",
			[]string{`onus.yaml:1: invalid config: did not find expected node content`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, diags := Parse("onus.yaml", []byte(tc.in))
			if c != nil {
				t.Fatalf("config accepted; want errors %v", tc.want)
			}
			if len(diags) != len(tc.want) {
				t.Fatalf("got %d diagnostics, want %d:\n%v", len(diags), len(tc.want), diags)
			}
			for i, w := range tc.want {
				if got := diags[i].Error(); !strings.HasPrefix(got, w) {
					t.Errorf("diagnostic %d:\n got %s\nwant %s…", i, got, w)
				}
			}
		})
	}
}

func TestEmptyConfigIsDefault(t *testing.T) {
	c, diags := Parse("onus.yaml", []byte("# nothing\n"))
	if c == nil || len(diags) > 0 || c.FailOn != "low" {
		t.Fatalf("%+v %v", c, diags)
	}
}

// The example estate's onus.yaml is valid and names three teams.
func TestExampleConfig(t *testing.T) {
	c, diags := Load("../../examples/ownership-demo/onus.yaml")
	if c == nil || len(diags) > 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	if len(c.Teams) != 3 || c.Ownership.Codeowners != "CODEOWNERS" || c.Waivers != "waivers.yaml" {
		t.Fatalf("%+v", c)
	}
	for _, tm := range c.Teams {
		if tm.Contact == "" || len(tm.Handles) == 0 {
			t.Errorf("team %s needs a contact and a handle", tm.Name)
		}
	}
}
