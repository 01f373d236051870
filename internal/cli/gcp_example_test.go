package cli

import (
	"slices"
	"testing"
)

// TestGCPAnalyticsExample scans examples/gcp-analytics and checks the
// findings and undetermined results its README promises.
func TestGCPAnalyticsExample(t *testing.T) {
	for _, tc := range []struct {
		name         string
		vars         []string
		extra        []string
		undetermined int
	}{
		{name: "office unknown", undetermined: 2},
		{name: "office known", vars: []string{"--var", "office_cidr=203.0.113.0/24"}},
		{name: "office open", vars: []string{"--var", "office_cidr=0.0.0.0/0"}, extra: []string{
			"ONUS-GCP-005 network.tf:55 network shared",
			"ONUS-GCP-013 gke.tf:22 network shared",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, undetermined := exampleFindings(t, "gcp-analytics", tc.vars...)
			want := append([]string{
				"ONUS-GCP-021 compute.tf:27 network shared",
				"ONUS-GCP-017 compute.tf:34 data-access customer",
				"ONUS-GCP-003 data.tf:24 data-access customer",
				"ONUS-GCP-001 data.tf:33 data-access customer",
				"ONUS-GCP-014 gke.tf:6 network shared",
				"ONUS-GCP-022 iam.tf:10 data-access customer",
				"ONUS-GCP-024 network.tf:20 network shared",
				"ONUS-GCP-004 network.tf:43 network shared",
				"ONUS-GCP-005 network.tf:43 network shared",
			}, tc.extra...)
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("findings:\n got %q\nwant %q", got, want)
			}
			if undetermined != tc.undetermined {
				t.Errorf("%d undetermined, want %d", undetermined, tc.undetermined)
			}
		})
	}
}
