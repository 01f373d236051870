package engine

import (
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/onus-project/onus/internal/policy/builtin"
	"github.com/onus-project/onus/internal/resource"
)

// TestEstateMatchesBuild checks that the estate the engine builds has the
// shape data.onus.lib.estate.build gives policy tests, indexes included.
func TestEstateMatchesBuild(t *testing.T) {
	rs := []*resource.Resource{
		{ID: "a.yaml#0", Kind: resource.Kubernetes, Type: "NetworkPolicy", Name: "web", Namespace: "shop",
			Attrs: map[string]any{"spec": map[string]any{"podSelector": map[string]any{"matchLabels": map[string]any{"app": "web", "tier": "front"}}}},
			Extra: map[string]any{"selector": map[string]any{"matchLabels": map[string]any{"app": "web", "tier": "front"}}}},
		{ID: "a.yaml#1", Kind: resource.Kubernetes, Type: "NetworkPolicy", Name: "deny", Namespace: "shop",
			Attrs: map[string]any{"spec": map[string]any{"podSelector": map[string]any{}}},
			Extra: map[string]any{"selector": map[string]any{}}},
		{ID: "b.yaml#0", Kind: resource.Kubernetes, Type: "ServiceAccount", Name: "default",
			Attrs: map[string]any{"automountServiceAccountToken": false}},
		{ID: "b.yaml#1", Kind: resource.Kubernetes, Type: "Deployment", Name: "api", Namespace: "shop",
			Labels: map[string]string{"app": "api"}, Attrs: map[string]any{"spec": map[string]any{}}},
		{ID: "main.tf#aws_s3_bucket.logs", Kind: resource.Terraform, Provider: "aws", Type: "aws_s3_bucket", Name: "logs",
			Attrs: map[string]any{"bucket": "logs"}},
	}
	conv := newConverter()
	docs := make([]ast.Value, len(rs))
	terms := make([]*ast.Term, len(rs))
	for i, r := range rs {
		v, err := conv.document(Document(r))
		if err != nil {
			t.Fatal(err)
		}
		docs[i], terms[i] = v, ast.NewTerm(v)
	}
	got := estate(rs, docs)

	set, diags := builtin.Load()
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	opts := []func(*rego.Rego){rego.Query("x = data.onus.lib.estate.build(input)"), rego.ParsedInput(ast.NewArray(terms...))}
	for _, m := range set.Modules {
		opts = append(opts, rego.ParsedModule(m))
	}
	rs2, err := rego.New(opts...).Eval(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	want, err := ast.InterfaceToValue(rs2[0].Bindings["x"])
	if err != nil {
		t.Fatal(err)
	}
	if got.Compare(want) != 0 {
		t.Errorf("engine estate differs from estate.build:\n engine: %v\n build:  %v", got, want)
	}
	// the selector index holds each matchLabels pair, and "" for
	// selectors that require no label
	idx := got.Get(ast.StringTerm("index")).Value.(ast.Object).Get(ast.StringTerm("selector"))
	for _, key := range []string{"app=web", "tier=front", ""} {
		if v, err := idx.Value.Find(ast.MustParseRef(`x.shop.NetworkPolicy["` + key + `"]`)[1:]); err != nil || v.(*ast.Array).Len() != 1 {
			t.Errorf("selector index %q = %v, %v", key, v, err)
		}
	}
}
