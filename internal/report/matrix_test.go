package report

import (
	"bytes"

	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/onus-project/onus/internal/finding"
	"github.com/onus-project/onus/internal/ownership"
)

func sampleReport() *Report {
	cell := func(l finding.Layer, o finding.Owner, team string, pols []string, passed, failed int, st ownership.Status) ownership.LayerCell {
		teams := []string{}
		if team != "" {
			teams = []string{team}
		}
		if pols == nil {
			pols = []string{}
		}
		return ownership.LayerCell{Layer: l, Owner: o, Team: team, Teams: teams, Policies: pols, Passed: passed, Failed: failed, Status: st}
	}
	est := &ownership.Estate{Services: []ownership.ServiceRow{{
		Service: "kubernetes-workloads", Name: "Kubernetes <workloads>", Provider: "kubernetes", ServiceModel: finding.CaaS, Resources: 3,
		Layers: []ownership.LayerCell{
			cell(finding.DataAccess, finding.Customer, "", nil, 0, 0, ownership.StatusUnowned),
			cell(finding.Application, finding.Customer, "payments", nil, 0, 0, ownership.StatusUncovered),
			cell(finding.Middleware, finding.Customer, "payments", []string{"ONUS-K8S-002"}, 3, 0, ownership.StatusPassing),
			cell(finding.OperatingSystem, finding.Shared, "platform", []string{"ONUS-K8S-001"}, 1, 2, ownership.StatusFailing),
			cell(finding.Network, finding.Shared, "platform", []string{"ONUS-K8S-003"}, 3, 0, ownership.StatusPassing),
			cell(finding.VirtualInfrastructure, finding.Provider, "", nil, 0, 0, ownership.StatusProvider),
			cell(finding.PhysicalInfrastructure, finding.Provider, "", nil, 0, 0, ownership.StatusProvider),
		},
	}}}
	return Build(Input{
		Tool: Tool{Name: "onus", Version: "test"}, Now: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), Roots: []string{"estate"},
		Matrix: est,
		Gaps: []Gap{
			{Kind: ownership.GapFailing, Service: "kubernetes-workloads", ServiceModel: finding.CaaS, Layer: finding.OperatingSystem, Owner: finding.Shared, Team: "platform", Resources: 3, Message: "2 of 3 checks failing (ONUS-K8S-001)"},
			{Kind: ownership.GapUnowned, Service: "kubernetes-workloads", ServiceModel: finding.CaaS, Layer: finding.DataAccess, Owner: finding.Customer, Resources: 3, Message: "no team owns data-access for 3 of 3 resources"},
		},
	})
}

func TestMatrixGolden(t *testing.T) {
	rep := sampleReport()
	for _, format := range NewMatrixFormats().Names() {
		t.Run(format, func(t *testing.T) {
			w, err := NewMatrixFormats().Get(format, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := w.Write(&buf, rep); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "matrix."+format)
			if *update {
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("%s differs from %s (run go test -update):\n%s", format, golden, buf.String())
			}
			if format == "svg" || format == "html" {
				if strings.Contains(buf.String(), "<workloads>") || !strings.Contains(buf.String(), "&lt;workloads&gt;") {
					t.Error("names must be escaped")
				}
			}
		})
	}
}

func TestBaselineMark(t *testing.T) {
	old := &Report{Schema: Schema, Findings: []finding.Finding{{Fingerprint: "a"}, {Fingerprint: "b"}}}
	var buf bytes.Buffer
	if err := (JSON{}).Write(&buf, old); err != nil {
		t.Fatal(err)
	}
	b, err := ReadBaseline(&buf)
	if err != nil || b.Len() != 2 {
		t.Fatal(err)
	}
	fs := []finding.Finding{{Fingerprint: "a"}, {Fingerprint: "a"}, {Fingerprint: "c"}, {Fingerprint: "b"}}
	if n := b.Mark(fs); n != 2 || !fs[0].Baseline || fs[1].Baseline || fs[2].Baseline || !fs[3].Baseline {
		t.Fatalf("marked %d: %+v", n, fs)
	}
	if _, err := ReadBaseline(strings.NewReader(`{"schema": "other"}`)); err == nil {
		t.Fatal("a document of another schema must be refused")
	}
}
