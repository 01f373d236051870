package waiver

import (
	"testing"
	"time"

	"github.com/onus-project/onus/internal/finding"
	"github.com/onus-project/onus/internal/resource"
	"github.com/onus-project/onus/internal/source"
)

func TestApplyInline(t *testing.T) {
	rng := source.Range{Filename: "a.yaml", Start: source.Pos{Line: 3}}
	r := &resource.Resource{ID: "r1", Suppressions: []resource.Suppression{
		{Rules: []string{"R1"}, Reason: "accepted", Range: rng},
		{Rules: []string{"R2"}, Reason: "until spring", Expires: "2026-03-31", Range: rng},
		{Rules: []string{"R3"}, Reason: "long ago", Expires: "2020-01-01", Range: rng},
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
	diags := ApplyInline(fs, byID, now)
	want := []finding.Status{finding.Waived, finding.Waived, finding.Fail, finding.Fail, finding.Fail}
	for i, w := range want {
		if fs[i].Status != w {
			t.Errorf("finding %d (%s on %s): status %s, want %s", i, fs[i].Rule, fs[i].ResourceID, fs[i].Status, w)
		}
	}
	if fs[0].Waiver == nil || fs[0].Waiver.Reason != "accepted" || fs[0].Waiver.Source != "inline" {
		t.Fatalf("waiver not recorded: %+v", fs[0].Waiver)
	}
	if len(diags) != 1 || diags[0].Summary != "inline waiver expired" {
		t.Fatalf("want one expiry warning, got %v", diags)
	}
	// the next day, R2 is reported again
	fs[1].Status, fs[1].Waiver = finding.Fail, nil
	ApplyInline(fs, byID, now.Add(2*time.Hour))
	if fs[1].Status != finding.Fail {
		t.Fatal("a waiver must stop after its expiry day")
	}
}
