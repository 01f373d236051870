package builtin_test

import (
	"testing"

	"github.com/onus-project/onus/internal/catalog"
	"github.com/onus-project/onus/internal/policy/builtin"
)

// TestLoads checks the embedded pack loads without diagnostics and that
// every resource type a built-in policy targets is in the service catalog,
// so each of its findings gets a service model and an owner.
func TestLoads(t *testing.T) {
	set, diags := builtin.Load()
	if len(diags) > 0 {
		t.Fatalf("built-in policies: %v", diags)
	}
	if len(set.Policies) == 0 {
		t.Fatal("no built-in policies")
	}
	cat, err := catalog.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range set.Policies {
		for _, target := range p.Targets {
			for _, typ := range target.Types {
				if typ == "*" {
					continue
				}
				if _, ok := cat.Lookup(target.Kind, typ); !ok {
					t.Errorf("%s targets %s %s, which the service catalog does not know", p.ID, target.Kind, typ)
				}
			}
		}
	}
}
