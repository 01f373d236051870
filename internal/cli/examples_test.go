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
	var stdout, stderr bytes.Buffer
	code := Execute(t.Context(), []string{"scan", "--now", "2026-11-01", "--format", "json", "../../examples/capital-one"}, &Env{Stdout: &stdout, Stderr: &stderr})
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
	got := map[string]bool{}
	for _, f := range rep.Findings {
		got[fmt.Sprintf("%s %s:%d %s %s", f.Rule, f.Location.File, f.Location.StartLine, f.Layer, f.Owner)] = true
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
	if len(rep.Findings) != 22 || rep.Summary.Undetermined != 0 {
		t.Errorf("%d findings, %d undetermined; the README promises 22 and 0", len(rep.Findings), rep.Summary.Undetermined)
	}
}
