package catalog

import (
	"testing"

	"github.com/onus-project/onus/internal/finding"
	"github.com/onus-project/onus/internal/resource"
)

func TestDefaultLoads(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	s, ok := c.Lookup(resource.Kubernetes, "Deployment")
	if !ok || s.ID != "kubernetes-workloads" || s.Model != finding.CaaS {
		t.Fatalf("Deployment → %+v", s)
	}
	if _, ok := c.Lookup(resource.Kubernetes, "NoSuchKind"); ok {
		t.Fatal("an unknown type must not be found")
	}
}

func TestOverride(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	o, err := c.Override([]*Service{{ID: "kubernetes-workloads", Model: finding.IaaS}})
	if err != nil {
		t.Fatal(err)
	}
	if s, _ := o.Lookup(resource.Kubernetes, "Pod"); s.Model != finding.IaaS {
		t.Fatalf("override not applied: %+v", s)
	}
	if s, _ := c.Lookup(resource.Kubernetes, "Pod"); s.Model != finding.CaaS {
		t.Fatal("override must not change the default catalog")
	}
	if _, err := c.Override([]*Service{{ID: "nope", Model: finding.IaaS}}); err == nil {
		t.Fatal("overriding an unknown service without types must fail")
	}
	if _, err := c.Override([]*Service{{ID: "kubernetes-workloads", Model: "XaaS"}}); err == nil {
		t.Fatal("an unknown model must fail")
	}
	o, err = c.Override([]*Service{{ID: "acme-queue", Name: "Acme queue", Model: finding.SaaS, Types: map[resource.Kind][]string{resource.Terraform: {"acme_queue"}}}})
	if err != nil {
		t.Fatal(err)
	}
	if s, ok := o.Lookup(resource.Terraform, "acme_queue"); !ok || s.Model != finding.SaaS {
		t.Fatal("a new service must be added")
	}
}

func TestDuplicateTypeRefused(t *testing.T) {
	_, err := New([]*Service{
		{ID: "a", Model: finding.PaaS, Types: map[resource.Kind][]string{resource.Terraform: {"x"}}},
		{ID: "b", Model: finding.PaaS, Types: map[resource.Kind][]string{resource.Terraform: {"x"}}},
	})
	if err == nil {
		t.Fatal("a type in two services must be refused")
	}
}
