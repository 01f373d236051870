package scan

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/onus-project/onus/internal/config"
	"github.com/onus-project/onus/internal/discover"
	"github.com/onus-project/onus/internal/engine"
	"github.com/onus-project/onus/internal/finding"
	"github.com/onus-project/onus/internal/loader"
	"github.com/onus-project/onus/internal/loader/kubernetes"
	"github.com/onus-project/onus/internal/ownership"
	"github.com/onus-project/onus/internal/policy"
	"github.com/onus-project/onus/internal/policy/builtin"
	"github.com/onus-project/onus/internal/report"
)

var now = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

func run(t *testing.T, files map[string]string, oo OwnershipOptions) *report.Report {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	set, diags := builtin.Load()
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	// one policy, so that these tests do not change as the pack grows
	set = set.Filter(func(p *policy.Policy) bool { return p.ID == "ONUS-K8S-001" })
	eng, diags := engine.New(set, engine.Options{Now: now})
	if eng == nil {
		t.Fatal(diags)
	}
	model, err := ownership.Default()
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Run(t.Context(), Options{
		Paths: []string{dir}, Loaders: loader.NewSet().With(kubernetes.New(), discover.Kubernetes),
		Engine: eng, Model: model, Now: now, Ownership: oo,
	})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

const original = `apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: web}
spec:
  template:
    spec:
      containers:
        - name: api
          image: registry.example.com/api:1.0.0
          securityContext:
            privileged: true
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: worker, namespace: web}
spec:
  template:
    spec:
      containers:
        - name: worker
          image: registry.example.com/worker:1.0.0
          securityContext: {privileged: true}
`

func fingerprints(rep *report.Report) map[string]string {
	out := map[string]string{}
	for _, f := range rep.Findings {
		out[f.Resource.Address] = f.Fingerprint
	}
	return out
}

// Fingerprints survive edits that do not change the problem: lines added
// above, reformatting, an unrelated resource renamed. They change when the
// resource itself is renamed or moves to another file.
func TestFingerprintsAcrossEdits(t *testing.T) {
	base := fingerprints(run(t, map[string]string{"k8s/app.yaml": original}, OwnershipOptions{}))
	if len(base) != 2 {
		t.Fatalf("want findings on api and worker, got %v", base)
	}
	api, worker := base["Deployment/web/api"], base["Deployment/web/worker"]
	tests := []struct {
		name      string
		file, src string
		same      bool
		address   string
	}{
		{"lines added above", "k8s/app.yaml", "# owned by the web team\n# second comment\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: web}\ndata: {a: b}\n---\n" + original, true, "Deployment/web/api"},
		{"reformatted", "k8s/app.yaml", `apiVersion: apps/v1
kind: Deployment
metadata:
  namespace: web
  name: api
spec: {template: {spec: {containers: [{name: api, securityContext: {privileged: true}, image: "registry.example.com/api:1.0.0"}]}}}
---
` + original[bytes.Index([]byte(original), []byte("---\n"))+4:], true, "Deployment/web/api"},
		{"unrelated resource renamed", "k8s/app.yaml", bytesReplace(original, "name: worker, namespace", "name: jobs, namespace"), true, "Deployment/web/api"},
		{"the resource itself renamed", "k8s/app.yaml", bytesReplace(original, "name: api, namespace", "name: gateway, namespace"), false, "Deployment/web/gateway"},
		{"moved to another file", "k8s/moved.yaml", original, false, "Deployment/web/api"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := fingerprints(run(t, map[string]string{tc.file: tc.src}, OwnershipOptions{}))
			fp, ok := got[tc.address]
			if !ok {
				t.Fatalf("no finding on %s: %v", tc.address, got)
			}
			if (fp == api) != tc.same {
				t.Errorf("fingerprint of %s: same as before = %v, want %v", tc.address, fp == api, tc.same)
			}
			if tc.name == "lines added above" || tc.name == "reformatted" {
				if got["Deployment/web/worker"] != worker {
					t.Errorf("worker's fingerprint changed")
				}
			}
		})
	}
}

func bytesReplace(s, old, new string) string {
	return string(bytes.Replace([]byte(s), []byte(old), []byte(new), 1))
}

func TestBaseline(t *testing.T) {
	old := run(t, map[string]string{"k8s/app.yaml": original}, OwnershipOptions{})
	var buf bytes.Buffer
	if err := (report.JSON{}).Write(&buf, old); err != nil {
		t.Fatal(err)
	}
	b, err := report.ReadBaseline(&buf)
	if err != nil {
		t.Fatal(err)
	}
	// the same estate with lines added above and a new privileged pod
	edited := "# header\n" + original + `---
apiVersion: v1
kind: Pod
metadata: {name: debug, namespace: web}
spec:
  containers:
    - {name: debug, image: "busybox:1.36", securityContext: {privileged: true}}
`
	rep := run(t, map[string]string{"k8s/app.yaml": edited}, OwnershipOptions{Baseline: b})
	if len(rep.Findings) != 3 {
		t.Fatalf("findings: %d", len(rep.Findings))
	}
	for _, f := range rep.Findings {
		wantBaseline := f.Resource.Address != "Pod/web/debug"
		if f.Baseline != wantBaseline || f.Status != finding.Fail {
			t.Errorf("%s: baseline %v status %s", f.Resource.Address, f.Baseline, f.Status)
		}
	}
	if rep.Summary.Baseline != 2 || rep.Summary.Failed != 1 || len(rep.Failing(finding.Low)) != 1 {
		t.Errorf("summary: baseline %d failed %d", rep.Summary.Baseline, rep.Summary.Failed)
	}
}

const teamsConfig = `
teams:
  - name: platform
  - name: web
  - name: security
ownership:
  rules:
    - {team: platform, layers: [operating-system]}
    - {team: web, namespaces: [web], layers: [application, data-access]}
`

func TestMatrixAndGaps(t *testing.T) {
	cfg, diags := config.Parse("onus.yaml", []byte(teamsConfig))
	if cfg == nil {
		t.Fatal(diags)
	}
	router, diags := ownership.NewRouter(cfg, "", nil)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	rep := run(t, map[string]string{"k8s/app.yaml": original}, OwnershipOptions{Router: router})
	if len(rep.Matrix.Services) != 1 {
		t.Fatalf("services: %+v", rep.Matrix.Services)
	}
	row := rep.Matrix.Services[0]
	if row.Service != "kubernetes-workloads" || row.ServiceModel != finding.CaaS || row.Resources != 2 || len(row.Layers) != 7 {
		t.Fatalf("row: %+v", row)
	}
	want := map[finding.Layer]struct {
		owner  finding.Owner
		team   string
		status ownership.Status
		failed int
	}{
		finding.DataAccess:             {finding.Customer, "web", ownership.StatusUncovered, 0},
		finding.Application:            {finding.Customer, "web", ownership.StatusUncovered, 0},
		finding.Middleware:             {finding.Customer, "", ownership.StatusUnowned, 0},
		finding.OperatingSystem:        {finding.Shared, "platform", ownership.StatusFailing, 2},
		finding.Network:                {finding.Shared, "", ownership.StatusUnowned, 0},
		finding.VirtualInfrastructure:  {finding.Provider, "", ownership.StatusProvider, 0},
		finding.PhysicalInfrastructure: {finding.Provider, "", ownership.StatusProvider, 0},
	}
	for _, c := range row.Layers {
		w := want[c.Layer]
		if c.Owner != w.owner || c.Team != w.team || c.Status != w.status || c.Failed != w.failed {
			t.Errorf("%s: owner %s team %q status %s failed %d; want %s %q %s %d", c.Layer, c.Owner, c.Team, c.Status, c.Failed, w.owner, w.team, w.status, w.failed)
		}
	}
	if os := row.Layers[3]; len(os.Policies) == 0 || os.Policies[0] != "ONUS-K8S-001" {
		t.Errorf("operating-system policies: %v", os.Policies)
	}
	kinds := map[string]int{}
	for _, g := range rep.Gaps {
		kinds[g.Kind]++
	}
	// uncovered: data-access, application, middleware, network; unowned: middleware, network; failing: operating-system
	if kinds["uncovered"] != 4 || kinds["unowned"] != 2 || kinds["failing"] != 1 {
		t.Errorf("gaps: %v\n%+v", kinds, rep.Gaps)
	}
	if rep.Summary.GapsByKind["unowned"] != 2 || rep.Summary.Gaps != 7 {
		t.Errorf("summary: %+v", rep.Summary)
	}
	for _, f := range rep.Findings {
		if f.Team != "platform" {
			t.Errorf("%s routed to %q", f.Resource.Address, f.Team)
		}
	}

	// --team web keeps the web team's services and gaps, and none of platform's findings
	rep = run(t, map[string]string{"k8s/app.yaml": original}, OwnershipOptions{Router: router, Team: "web"})
	if len(rep.Findings) != 0 || len(rep.Matrix.Services) != 1 {
		t.Errorf("--team web: %d findings, %d services", len(rep.Findings), len(rep.Matrix.Services))
	}
	for _, g := range rep.Gaps {
		if g.Team != "web" {
			t.Errorf("--team web kept a gap of %q: %+v", g.Team, g)
		}
	}
}
