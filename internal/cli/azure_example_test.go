package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"testing"
)

// TestAzureExamples scans the Azure examples and checks the findings their
// READMEs promise: each at its file and line, with its layer and owner, and
// no undetermined result.
func TestAzureExamples(t *testing.T) {
	for _, tc := range []struct {
		dir  string
		want []string
	}{
		{dir: "microsoft-2019", want: []string{
			"ONUS-AZ-002 network.tf:30 network shared",
			"ONUS-AZ-002 network.tf:57 network shared",
			"ONUS-AZ-037 search.tf:42 data-access customer",
			"ONUS-AZ-037 search.tf:42 data-access customer",
			"ONUS-AZ-037 search.tf:42 data-access customer",
			"ONUS-AZ-037 search.tf:42 data-access customer",
			"ONUS-AZ-037 search.tf:42 data-access customer",
		}},
		{dir: "arm-support-database", want: []string{
			"ONUS-AZ-002 azuredeploy.json:30 network shared",
			"ONUS-AZ-001 azuredeploy.json:38 network shared",
			"ONUS-AZ-008 azuredeploy.json:64 data-access customer",
			"ONUS-AZ-011 azuredeploy.json:64 data-access customer",
			"ONUS-AZ-015 azuredeploy.json:64 data-access customer",
			"ONUS-AZ-006 azuredeploy.json:72 network shared",
			"ONUS-AZ-007 azuredeploy.json:73 network shared",
			"ONUS-AZ-004 azuredeploy.json:81 network shared",
			"ONUS-AZ-024 azuredeploy.json:85 network shared",
			"ONUS-AZ-036 azuredeploy.json:85 data-access customer",
			"ONUS-AZ-039 azuredeploy.json:85 data-access customer",
			"ONUS-AZ-023 azuredeploy.json:94 data-access customer",
			"ONUS-AZ-020 azuredeploy.json:95 data-access customer",
		}},
	} {
		t.Run(tc.dir, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			args := []string{"scan", "--now", "2026-11-01", "--format", "json", "../../examples/" + tc.dir}
			code := Execute(t.Context(), args, &Env{Stdout: &stdout, Stderr: &stderr})
			if code != ExitFindings {
				t.Fatalf("onus scan exited %d, want 1:\n%s", code, stderr.String())
			}
			var rep struct {
				Findings []struct {
					Rule     string `json:"rule"`
					Layer    string `json:"layer"`
					Owner    string `json:"owner"`
					Location struct {
						File      string `json:"file"`
						StartLine int    `json:"start_line"`
					} `json:"location"`
				} `json:"findings"`
				Summary struct {
					Undetermined int `json:"undetermined"`
				} `json:"summary"`
			}
			if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range rep.Findings {
				got = append(got, fmt.Sprintf("%s %s:%d %s %s", f.Rule, f.Location.File, f.Location.StartLine, f.Layer, f.Owner))
			}
			want := slices.Clone(tc.want)
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("findings (the README promises %d):\n got %q\nwant %q", len(want), got, want)
			}
			if rep.Summary.Undetermined != 0 {
				t.Errorf("%d undetermined, want 0", rep.Summary.Undetermined)
			}
		})
	}
}
