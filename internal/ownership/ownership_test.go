package ownership

import (
	"testing"

	"github.com/onus-project/onus/internal/finding"
	"github.com/onus-project/onus/internal/resource"
)

func TestDefaultMatrixMatchesProduct(t *testing.T) {
	m, err := DefaultMatrix()
	if err != nil {
		t.Fatal(err)
	}
	// The table of PRODUCT.md, row by row.
	want := map[finding.Layer][3]finding.Owner{
		finding.DataAccess:             {finding.Customer, finding.Customer, finding.Customer},
		finding.Application:            {finding.Customer, finding.Customer, finding.Provider},
		finding.Middleware:             {finding.Customer, finding.Shared, finding.Provider},
		finding.OperatingSystem:        {finding.Customer, finding.Provider, finding.Provider},
		finding.Network:                {finding.Shared, finding.Provider, finding.Provider},
		finding.VirtualInfrastructure:  {finding.Provider, finding.Provider, finding.Provider},
		finding.PhysicalInfrastructure: {finding.Provider, finding.Provider, finding.Provider},
	}
	for layer, owners := range want {
		for i, sm := range []finding.ServiceModel{finding.IaaS, finding.PaaS, finding.SaaS} {
			if got := m.Models[sm][layer]; got != owners[i] {
				t.Errorf("%s %s = %s, want %s", sm, layer, got, owners[i])
			}
		}
	}
}

func TestRefinements(t *testing.T) {
	m, err := DefaultMatrix()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		provider string
		model    finding.ServiceModel
		layer    finding.Layer
		want     finding.Owner
	}{
		{"aws", finding.PaaS, finding.Network, finding.Shared},
		{"aws", finding.PaaS, finding.OperatingSystem, finding.Provider},
		{"other", finding.PaaS, finding.Network, finding.Provider},
		{"kubernetes", finding.CaaS, finding.OperatingSystem, finding.Shared},
		{"kubernetes", finding.IaaS, finding.OperatingSystem, finding.Customer},
	}
	for _, tc := range tests {
		if got := m.Owner(tc.provider, tc.model, tc.layer); got != tc.want {
			t.Errorf("%s %s %s = %s, want %s", tc.provider, tc.model, tc.layer, got, tc.want)
		}
	}
}

func TestAssign(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	fs := []finding.Finding{
		{Layer: finding.OperatingSystem, Resource: finding.ResourceRef{Kind: resource.Kubernetes, Type: "Deployment", Provider: "kubernetes"}},
		{Layer: finding.OperatingSystem, Resource: finding.ResourceRef{Kind: resource.Terraform, Type: "acme_unknown", Provider: "acme"}},
	}
	m.Assign(fs)
	if fs[0].Service != "kubernetes-workloads" || fs[0].ServiceModel != finding.CaaS || fs[0].Owner != finding.Shared {
		t.Fatalf("kubernetes: %+v", fs[0])
	}
	if fs[1].Service != Unknown || fs[1].ServiceModel != finding.IaaS || fs[1].Owner != finding.Customer {
		t.Fatalf("unknown type: %+v", fs[1])
	}
}

func TestValidateRefusesHoles(t *testing.T) {
	m := &Matrix{Models: map[finding.ServiceModel]map[finding.Layer]finding.Owner{finding.IaaS: {}}}
	if err := m.Validate(); err == nil {
		t.Fatal("a matrix with empty cells must be refused")
	}
}
