package waiver

import (
	"strings"
	"testing"
	"time"

	"github.com/onus-project/onus/internal/finding"
	"github.com/onus-project/onus/internal/resource"
	"github.com/onus-project/onus/internal/source"
)

func TestApplyInline(t *testing.T) {
	rng := source.Range{Filename: "a.yaml", Start: source.Pos{Line: 3}}
	r := &resource.Resource{ID: "r1", Address: "Pod/default/p", Suppressions: []resource.Suppression{
		{Rules: []string{"R1"}, Reason: "accepted", Range: rng},
		{Rules: []string{"R2"}, Reason: "until spring", Expires: "2026-03-31", Range: rng},
		{Rules: []string{"R3"}, Reason: "long ago", Expires: "2020-01-01", Range: rng},
		{Rules: []string{"R9"}, Reason: "fixed since", Range: rng},
	}}
	byID := map[string]*resource.Resource{"r1": r}
	fs := []finding.Finding{
		{Rule: "R1", ResourceID: "r1", Status: finding.Fail},
		{Rule: "R2", ResourceID: "r1", Status: finding.Fail},
		{Rule: "R3", ResourceID: "r1", Status: finding.Fail},
		{Rule: "R4", ResourceID: "r1", Status: finding.Fail},
		{Rule: "R1", ResourceID: "other", Status: finding.Fail},
	}
	now := time.Date(2026, 3, 31, 23, 0, 0, 0, time.UTC)
	out, diags := Apply(fs, byID, nil, now)
	want := []finding.Status{finding.Waived, finding.Waived, finding.Fail, finding.Fail, finding.Fail}
	for i, w := range want {
		if fs[i].Status != w {
			t.Errorf("finding %d (%s on %s): status %s, want %s", i, fs[i].Rule, fs[i].ResourceID, fs[i].Status, w)
		}
	}
	if fs[0].Waiver == nil || fs[0].Waiver.Reason != "accepted" || fs[0].Waiver.Source != "inline" || fs[0].Waiver.Line != 3 {
		t.Fatalf("waiver not recorded: %+v", fs[0].Waiver)
	}
	if len(out.Expired) != 1 || out.Expired[0].Rules[0] != "R3" || out.Expired[0].Matched != 1 {
		t.Errorf("expired: %+v", out.Expired)
	}
	if len(out.Stale) != 1 || out.Stale[0].Rules[0] != "R9" || out.Stale[0].Resource != "Pod/default/p" {
		t.Errorf("stale: %+v", out.Stale)
	}
	var summaries []string
	for _, d := range diags {
		summaries = append(summaries, d.Summary)
	}
	if strings.Join(summaries, "|") != "inline waiver expired|stale inline waiver" {
		t.Fatalf("diagnostics: %v", diags)
	}
	// the next day, R2 is reported again
	fs[1].Status, fs[1].Waiver = finding.Fail, nil
	Apply(fs, byID, nil, now.Add(2*time.Hour))
	if fs[1].Status != finding.Fail {
		t.Fatal("a waiver must stop after its expiry day")
	}
}

const waiverFile = `waivers:
  - rule: ONUS-K8S-001
    resource: "DaemonSet/monitoring/*"
    reason: node-exporter reads host metrics
    approver: security@example.com
    ticket: SEC-142
    expires: 2027-03-31
  - rules: [ONUS-K8S-001, ONUS-K8S-002]
    path: "legacy/**"
    reason: being rewritten
    expires: 2026-01-31
  - rule: "*"
    resource: "Deployment/gone/*"
    reason: decommissioned
    expires: 2030-01-01
`

func TestFileWaivers(t *testing.T) {
	file, diags := Parse("waivers.yaml", []byte(waiverFile))
	if file == nil || len(diags) > 0 {
		t.Fatal(diags)
	}
	fs := []finding.Finding{
		{Rule: "ONUS-K8S-001", Status: finding.Fail, Resource: finding.ResourceRef{Address: "DaemonSet/monitoring/node-exporter"}, Location: finding.Location{File: "k8s/mon.yaml"}},
		{Rule: "ONUS-K8S-001", Status: finding.Fail, Resource: finding.ResourceRef{Address: "DaemonSet/web/x"}, Location: finding.Location{File: "k8s/web.yaml"}},
		{Rule: "ONUS-K8S-002", Status: finding.Fail, Resource: finding.ResourceRef{Address: "Pod/default/old"}, Location: finding.Location{File: "legacy/old/pod.yaml"}},
	}
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	out, diags := Apply(fs, nil, file, now)
	if fs[0].Status != finding.Waived || fs[1].Status != finding.Fail || fs[2].Status != finding.Fail {
		t.Fatalf("statuses: %s %s %s", fs[0].Status, fs[1].Status, fs[2].Status)
	}
	w := fs[0].Waiver
	if w.Source != "file" || w.File != "waivers.yaml" || w.Line != 2 || w.Approver != "security@example.com" || w.Ticket != "SEC-142" || w.Expires.Format(DateLayout) != "2027-03-31" {
		t.Fatalf("waiver: %+v", w)
	}
	if len(out.Expired) != 1 || out.Expired[0].Line != 8 || out.Expired[0].Matched != 1 {
		t.Errorf("expired: %+v", out.Expired)
	}
	if len(out.Stale) != 1 || out.Stale[0].Line != 12 {
		t.Errorf("stale: %+v", out.Stale)
	}
	want := []string{
		"waivers.yaml:8: waiver expired: the waiver of ONUS-K8S-001,ONUS-K8S-002 expired on 2026-01-31; 1 finding is reported again",
		"waivers.yaml:12: stale waiver: the waiver of * matches no finding; delete or correct it",
	}
	if len(diags) != len(want) {
		t.Fatalf("diagnostics: %v", diags)
	}
	for i := range want {
		if diags[i].Error() != want[i] || diags[i].Severity != source.Warning {
			t.Errorf("diagnostic %d:\n got %s\nwant %s", i, diags[i].Error(), want[i])
		}
	}
	// on its last day a waiver still holds
	fs[2].Status = finding.Fail
	Apply(fs, nil, file, time.Date(2026, 1, 31, 23, 59, 0, 0, time.UTC))
	if fs[2].Status != finding.Waived {
		t.Fatal("a waiver holds through its expiry day")
	}
}

func TestParseWaiverErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"unknown key", "waivers:\n  - rule: R\n    resource: x\n    reason: r\n    expires: 2030-01-01\n    owner: me\n", "w.yaml:6:5: invalid waiver: waivers[0]: unknown key \"owner\""},
		{"bad date", "waivers:\n  - rule: R\n    resource: x\n    reason: r\n    expires: next year\n", "w.yaml:5:14: invalid waiver: waivers[0].expires: \"next year\" is not a date"},
		{"missing fields", "waivers:\n  - rule: R\n", "w.yaml:2:5: invalid waiver: waivers[0]: missing reason, expires, resource or path"},
		{"top-level key", "waiver: []\n", "w.yaml:1:1: invalid waiver: unknown key \"waiver\""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, diags := Parse("w.yaml", []byte(tc.in))
			if f != nil || len(diags) != 1 || !strings.HasPrefix(diags[0].Error(), tc.want) {
				t.Fatalf("got %v, want %s", diags, tc.want)
			}
		})
	}
}
