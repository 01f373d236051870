package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/onus-project/onus/internal/finding"
	"github.com/onus-project/onus/internal/source"
)

// TestJSONMatchesEncoder checks that streaming the findings gives exactly
// what encoding the whole report at once gives, whatever the number of
// findings (none, fewer and more than one part).
func TestJSONMatchesEncoder(t *testing.T) {
	for _, n := range []int{0, 1, 3, findingsPerPart, findingsPerPart*2 + 7} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			var fs []finding.Finding
			for i := range n {
				fs = append(fs, finding.Finding{
					Rule: "ONUS-K8S-001", Title: "Container runs privileged <&>", Severity: finding.Critical,
					Category: finding.WorkloadIsolation, Layer: finding.OperatingSystem, Owner: finding.Shared,
					Resource: finding.ResourceRef{Address: fmt.Sprintf("Pod/p%d", i), Type: "Pod", Name: "p", Kind: "kubernetes", Provider: "kubernetes"},
					Location: finding.Location{File: "a.yaml", StartLine: i + 1, EndLine: i + 1},
					Message:  "container \"c\" runs privileged",
					Controls: map[string][]string{"nist-800-53": {"AC-6"}, "cis-kubernetes": {"5.2.2"}},
					Status:   finding.Fail,
					Details:  map[string]any{"n": i, "html": "<b>"},
				})
			}
			r := Build(Input{
				Tool: Tool{Name: "onus", Version: "test"}, Now: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC),
				Roots: []string{"."}, Findings: fs,
				Diagnostics: source.Diagnostics{source.Warningf(source.At("b.yaml", 3, 1), "document skipped", "not a mapping")},
			})
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			if err := enc.Encode(r); err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := (JSON{}).Write(&got, r); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want.String(), got.String()); diff != "" {
				t.Errorf("streamed report differs (-encoder +streamed):\n%s", diff)
			}
		})
	}
}
