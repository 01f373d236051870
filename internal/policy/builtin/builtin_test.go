package builtin_test

import (
	"testing"

	"github.com/onus-project/onus/internal/catalog"
	"github.com/onus-project/onus/internal/policy/builtin"
)

// TestTargetsInCatalog checks that every resource type a built-in policy
// targets is in the service catalog, so its findings get a service, a
// service model and an owner instead of "unclassified".
func TestTargetsInCatalog(t *testing.T) {
	set, diags := builtin.Load()
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	cat, err := catalog.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range set.Policies {
		for _, tg := range p.Targets {
			for _, ty := range tg.Types {
				if ty == "*" || ty[0] == '@' {
					continue
				}
				if _, ok := cat.Lookup(tg.Kind, ty); !ok {
					t.Errorf("%s targets %s type %s, which the service catalog does not list", p.ID, tg.Kind, ty)
				}
			}
		}
	}
}
