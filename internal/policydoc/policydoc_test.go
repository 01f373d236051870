package policydoc

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/onus-project/onus/internal/finding"
	"github.com/onus-project/onus/internal/ownership"
	"github.com/onus-project/onus/internal/policy"
	"github.com/onus-project/onus/internal/resource"
)

func model(t *testing.T) *ownership.Model {
	t.Helper()
	m, err := ownership.Default()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestOwners(t *testing.T) {
	m := model(t)
	p := &policy.Policy{ID: "X-1", Layer: finding.Network, Targets: []policy.Target{
		{Kind: resource.Kubernetes, Types: []string{"Ingress", "@role"}},
		{Kind: resource.Terraform, Types: []string{"made_up_thing"}},
	}}
	got := Owners(m, p)
	want := []ServiceOwner{
		{Service: "kubernetes-networking", Name: "Kubernetes networking", Provider: "kubernetes", Model: finding.CaaS, Owner: finding.Shared, Types: []string{"Ingress"}},
		{Service: "kubernetes-rbac", Name: "Kubernetes access control", Provider: "kubernetes", Model: finding.CaaS, Owner: finding.Shared, Types: []string{"ClusterRole", "Role"}},
		{Service: ownership.Unknown, Name: "Unclassified terraform resources", Provider: "terraform", Model: finding.IaaS, Owner: finding.Shared, Types: []string{"made_up_thing"}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Owners (-want +got):\n%s", diff)
	}
	// "*" covers every catalog service of the kind
	all := Owners(m, &policy.Policy{Layer: finding.DataAccess, Targets: []policy.Target{{Kind: resource.Kubernetes, Types: []string{"*"}}}})
	if len(all) < 4 || OwnersOf(all)[0] != finding.Customer {
		t.Errorf("wildcard owners: %+v", all)
	}
	if Owners(nil, p) != nil {
		t.Error("no model, no owners")
	}
}

func TestEscape(t *testing.T) {
	for in, want := range map[string]string{
		"a|b":                   `a\|b`,
		"<script>x</script>":    "&lt;script&gt;x&lt;/script&gt;",
		"`code` *b* _i_ [l](u)": "\\`code\\` \\*b\\* \\_i\\_ \\[l\\](u)",
		"line\nbreak":           "line break",
		"esc\x1b[2J":            "esc\uFFFD\\[2J",
		"café → 全":              "café → 全",
	} {
		if got := Escape(in); got != want {
			t.Errorf("Escape(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRenderExamples(t *testing.T) {
	long := strings.Repeat("a: 1\n", MaxExampleLines+5)
	fsys := fstest.MapFS{
		"pack/p/policy.rego":                   {Data: []byte("package p")},
		"pack/p/testdata/fail/x.yaml":          {Data: []byte(long)},
		"pack/p/testdata/fail/want.txt":        {Data: []byte("# comment\nx.yaml:3\n")},
		"pack/p/testdata/pass-hardened/y.json": {Data: []byte("{\"a\": \"```\"}\n")},
	}
	p := &policy.Policy{ID: "P-1", Title: "T | t", Severity: finding.Low, Category: finding.Configuration, Layer: finding.Application,
		File: "src:pack/p/policy.rego", Remediation: "Fix it.", Targets: []policy.Target{{Kind: resource.Kubernetes, Types: []string{"Pod"}}}}
	pages, err := Render([]Source{{FS: fsys, Origin: "src:", Policies: []*policy.Policy{p}}}, Options{Model: model(t), Command: "onus policy doc --out x"})
	if err != nil {
		t.Fatal(err)
	}
	page := string(pages["P-1.md"])
	for _, want := range []string{
		Marker, "# P-1: T \\| t", "### Fails: `testdata/fail/x.yaml`", "# … 5 more lines", "Findings expected at: `x.yaml:3`",
		"### Passes: `testdata/pass-hardened/y.json`", "````json", "## How to fix\n\nFix it.",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q:\n%s", want, page)
		}
	}
	if strings.Index(page, "Fails") > strings.Index(page, "Passes") {
		t.Error("failing examples do not come first")
	}
	index := string(pages[IndexName])
	if !strings.Contains(index, "| [P-1](P-1.md) | T \\| t | low | configuration | customer |") || !strings.Contains(index, "onus policy doc --out x") {
		t.Errorf("index:\n%s", index)
	}
	if _, err := Render([]Source{{Policies: []*policy.Policy{p}}, {Policies: []*policy.Policy{p}}}, Options{}); err == nil {
		t.Error("a policy documented twice is not an error")
	}
}
