package cli

import (
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
			got, undetermined := exampleFindings(t, tc.dir)
			want := slices.Clone(tc.want)
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("findings (the README promises %d):\n got %q\nwant %q", len(want), got, want)
			}
			if undetermined != 0 {
				t.Errorf("%d undetermined, want 0", undetermined)
			}
		})
	}
}
