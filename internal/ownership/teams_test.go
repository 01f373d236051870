package ownership

import (
	"strings"
	"testing"

	"github.com/onus-project/onus/internal/config"
	"github.com/onus-project/onus/internal/finding"
	"github.com/onus-project/onus/internal/resource"
)

const routingConfig = `
teams:
  - name: platform
    handles: ["@acme/infra"]
  - name: payments
    codeowners: ["/apps/payments/legacy/"]
  - name: security
  - name: data
ownership:
  codeowners: CODEOWNERS
  default_team: security
  rules:
    - team: platform                       # rules[0]: responsibility
      layers: [operating-system, network]
    - team: security                       # rules[1]: responsibility, two selectors
      layers: [operating-system]
      categories: [identity]
    - team: payments                       # rules[2]: location
      namespaces: [payments]
    - team: data                           # rules[3]: location, same tier and selectors as rules[2]
      labels: {tier: "db*"}
    - team: platform                       # rules[4]: location with a layer (more selectors)
      namespaces: [payments]
      layers: [operating-system]
    - team: security                       # rules[5]: resource
      resources: ["Deployment/payments/vault*"]
    - team: data                           # rules[6]: terraform module
      modules: ["module.db*"]
    - team: payments                       # rules[7]: cloud tag
      tags: {owner: payments}
`

const routingCodeowners = `# comment
*.yaml          @acme/infra
/apps/payments/ @acme/payments @someone
/apps/orphan/   @nobody-we-know
/apps/none/
[Section]
`

func newTestRouter(t *testing.T) *Router {
	t.Helper()
	cfg, diags := config.Parse("onus.yaml", []byte(routingConfig))
	if cfg == nil {
		t.Fatal(diags)
	}
	r, diags := NewRouter(cfg, "CODEOWNERS", []byte(routingCodeowners))
	want := []string{
		"CODEOWNERS:4:1: CODEOWNERS owner is not an onus team: @nobody-we-know maps to no team",
		"CODEOWNERS:6:1: CODEOWNERS section ignored",
	}
	if len(diags) != len(want) {
		t.Fatalf("diagnostics: %v", diags)
	}
	for i, w := range want {
		if !strings.HasPrefix(diags[i].Error(), w) {
			t.Errorf("diagnostic %d = %s, want %s…", i, diags[i].Error(), w)
		}
	}
	return r
}

func TestRoutePrecedence(t *testing.T) {
	r := newTestRouter(t)
	k8s := func(layer finding.Layer, cat finding.Category, file, ns, addr string, labels map[string]string) Subject {
		return Subject{Layer: layer, Category: cat, Owner: finding.Customer, Kind: resource.Kubernetes, File: file, Namespace: ns, Address: addr, Labels: labels}
	}
	tests := []struct {
		name string
		s    Subject
		team string
		rule string
	}{
		{"layer default", k8s(finding.Network, "", "", "web", "Service/web/a", nil), "platform", "ownership.rules[0]"},
		{"more selectors win within the responsibility tier", k8s(finding.OperatingSystem, finding.Identity, "", "web", "x", nil), "security", "ownership.rules[1]"},
		{"namespace beats a layer default", k8s(finding.Network, "", "", "payments", "x", nil), "payments", "ownership.rules[2]"},
		{"namespace+layer beats namespace alone", k8s(finding.OperatingSystem, "", "", "payments", "x", nil), "platform", "ownership.rules[4]"},
		{"tie in tier and selectors: the earlier rule wins", k8s(finding.DataAccess, "", "", "payments", "x", map[string]string{"tier": "db-main"}), "payments", "ownership.rules[2]"},
		{"label alone", k8s(finding.DataAccess, "", "", "web", "x", map[string]string{"tier": "db"}), "data", "ownership.rules[3]"},
		{"resource address beats everything", k8s(finding.OperatingSystem, "", "apps/payments/a.yaml", "payments", "Deployment/payments/vault-0", nil), "security", "ownership.rules[5]"},
		{"CODEOWNERS beats a layer rule", k8s(finding.Network, "", "apps/payments/api.yaml", "web", "x", nil), "payments", "CODEOWNERS:3"},
		{"CODEOWNERS handle", k8s(finding.DataAccess, "", "k8s/web.yaml", "web", "x", nil), "platform", "CODEOWNERS:2"},
		{"CODEOWNERS: last matching line wins, first owner that is a team", k8s(finding.DataAccess, "", "apps/payments/api.txt", "web", "x", nil), "payments", "CODEOWNERS:3"},
		{"team codeowners entries come after the file", k8s(finding.DataAccess, "", "apps/payments/legacy/x.txt", "web", "x", nil), "payments", "teams[1].codeowners[0]"},
		{"a last line with no team falls through to the default", k8s(finding.DataAccess, "", "apps/none/x.txt", "web", "x", nil), "security", "ownership.default_team"},
		{"an unknown owner falls through to layer rules", k8s(finding.Network, "", "apps/orphan/x.txt", "web", "x", nil), "platform", "ownership.rules[0]"},
		{"nothing matches: the default team", k8s(finding.Application, "", "", "web", "x", nil), "security", "ownership.default_team"},
		{"provider-owned layers go to no team", Subject{Layer: finding.Network, Owner: finding.Provider, Kind: resource.Kubernetes, Namespace: "payments"}, "", ""},
		{"terraform module", Subject{Layer: finding.DataAccess, Owner: finding.Customer, Kind: resource.Terraform, Module: "module.db_main"}, "data", "ownership.rules[6]"},
		{"cloud tags match non-Kubernetes resources", Subject{Layer: finding.DataAccess, Owner: finding.Shared, Kind: resource.Terraform, Labels: map[string]string{"owner": "payments"}}, "payments", "ownership.rules[7]"},
		{"labels do not match cloud tags", Subject{Layer: finding.DataAccess, Owner: finding.Customer, Kind: resource.Terraform, Labels: map[string]string{"tier": "db"}}, "security", "ownership.default_team"},
		{"namespaces only match Kubernetes resources", Subject{Layer: finding.Application, Owner: finding.Customer, Kind: resource.Terraform, Namespace: "payments"}, "security", "ownership.default_team"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := r.Route(tc.s)
			if got.Team != tc.team || got.Rule != tc.rule {
				t.Errorf("Route = %s via %s, want %s via %s", got.Team, got.Rule, tc.team, tc.rule)
			}
		})
	}
}

func TestRouterWithoutTeams(t *testing.T) {
	r, diags := NewRouter(config.Default(), "", nil)
	if len(diags) > 0 || r.HasTeams() {
		t.Fatal(diags)
	}
	if got := r.Route(Subject{Layer: finding.Network, Owner: finding.Customer}); got.Team != "" {
		t.Fatalf("routed to %q", got.Team)
	}
}

func TestBadCodeownersLine(t *testing.T) {
	cfg, _ := config.Parse("onus.yaml", []byte("teams: [{name: a}]\n"))
	_, diags := NewRouter(cfg, ".github/CODEOWNERS", []byte("ok/ @a\nbad/*** @a\n"))
	if len(diags) != 1 || !strings.HasPrefix(diags[0].Error(), ".github/CODEOWNERS:2:1: invalid CODEOWNERS line") {
		t.Fatalf("diagnostics: %v", diags)
	}
}

func TestMatrixOverride(t *testing.T) {
	base, err := DefaultMatrix()
	if err != nil {
		t.Fatal(err)
	}
	col := base.Override("", finding.PaaS, "", map[finding.Layer]finding.Owner{finding.Network: finding.Customer})
	if got := col.Owner("aws", finding.PaaS, finding.Network); got != finding.Customer {
		t.Errorf("a column override must apply to every provider, aws gave %s", got)
	}
	if got := base.Owner("aws", finding.PaaS, finding.Network); got != finding.Shared {
		t.Errorf("the base matrix must not change, got %s", got)
	}
	prov := base.Override("kubernetes", finding.CaaS, "self-managed", map[finding.Layer]finding.Owner{finding.OperatingSystem: finding.Customer})
	if got := prov.Owner("kubernetes", finding.CaaS, finding.OperatingSystem); got != finding.Customer {
		t.Errorf("provider override: %s", got)
	}
	if got := prov.Owner("kubernetes", finding.CaaS, finding.Network); got != finding.Shared {
		t.Errorf("other cells keep the embedded refinement: %s", got)
	}
}

func TestWithConfig(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	cfg, diags := config.Parse("onus.yaml", []byte("catalog:\n  - {id: kubernetes-workloads, model: IaaS}\n  - {id: nope, model: IaaS}\n"))
	if cfg == nil {
		t.Fatal(diags)
	}
	_, diags = m.WithConfig(cfg)
	if len(diags) != 1 || !strings.Contains(diags[0].Error(), "onus.yaml:1:1: invalid config: catalog: catalog override nope") {
		t.Fatalf("diagnostics: %v", diags)
	}
	cfg, _ = config.Parse("onus.yaml", []byte("catalog:\n  - {id: kubernetes-workloads, model: IaaS}\n"))
	m2, diags := m.WithConfig(cfg)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	if s, _ := m2.Catalog.Lookup(resource.Kubernetes, "Deployment"); s.Model != finding.IaaS {
		t.Fatalf("model = %s", s.Model)
	}
	if s, _ := m.Catalog.Lookup(resource.Kubernetes, "Deployment"); s.Model != finding.CaaS {
		t.Fatalf("the default catalog changed: %s", s.Model)
	}
}
