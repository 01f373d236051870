package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"
)

// TestCapitalOneExample scans examples/capital-one and checks the findings
// its README promises: each link of the 2019 breach at its line, with its
// layer and owner.
func TestCapitalOneExample(t *testing.T) {
	findings, undetermined := exampleFindings(t, "capital-one")
	got := map[string]bool{}
	for _, f := range findings {
		got[f] = true
	}
	for _, want := range []string{
		"ONUS-AWS-009 waf.tf:16 operating-system customer",
		"ONUS-AWS-029 waf.tf:50 data-access customer",
		"ONUS-AWS-026 waf.tf:50 data-access customer",
		"ONUS-AWS-003 data.tf:3 data-access customer",
		"ONUS-AWS-003 data.tf:27 data-access customer",
		"ONUS-AWS-003 data.tf:29 data-access customer",
		"ONUS-AWS-038 logging.tf:2 data-access customer",
		"ONUS-AWS-013 network.tf:33 network shared",
		"ONUS-AWS-010 waf.tf:9 network shared",
		"ONUS-AWS-018 network.tf:9 network shared",
		"ONUS-AWS-019 network.tf:1 network shared",
	} {
		if !got[want] {
			t.Errorf("missing finding %q", want)
		}
	}
	if len(findings) != 22 || undetermined != 0 {
		t.Errorf("%d findings, %d undetermined; the README promises 22 and 0", len(findings), undetermined)
	}
}

// exampleFindings runs onus scan --format json over examples/DIR with flags
// before the path, requires exit code 1 (findings), and returns each finding
// as "RULE FILE:LINE LAYER OWNER", in report order, and the number of
// undetermined results.
func exampleFindings(t *testing.T, dir string, flags ...string) (findings []string, undetermined int) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	args := append(append([]string{"scan", "--now", "2026-11-01", "--format", "json"}, flags...), "../../examples/"+dir)
	if code := Execute(t.Context(), args, &Env{Stdout: &stdout, Stderr: &stderr}); code != ExitFindings {
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
	for _, f := range rep.Findings {
		findings = append(findings, fmt.Sprintf("%s %s:%d %s %s", f.Rule, f.Location.File, f.Location.StartLine, f.Layer, f.Owner))
	}
	return findings, rep.Summary.Undetermined
}
