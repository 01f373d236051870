// Package catalog maps resource types to the cloud service they belong to
// and that service's service model (IaaS, CaaS, PaaS, FaaS, SaaS). The data
// is embedded (data/*.yaml) and documented in docs/model.md; onus.yaml can
// add or override entries.
package catalog

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/onus-project/onus/internal/finding"
	"github.com/onus-project/onus/internal/resource"
)

//go:embed data/*.yaml
var data embed.FS

// Service is one cloud service and the resource types that make it up.
type Service struct {
	ID       string               `yaml:"id" json:"id"`
	Name     string               `yaml:"name" json:"name"`
	Provider string               `yaml:"provider" json:"provider"`
	Model    finding.ServiceModel `yaml:"model" json:"service_model"`
	// Types lists resource types by kind.
	Types map[resource.Kind][]string `yaml:"types" json:"types"`
	// Note explains the service model choice where it is not obvious.
	Note string `yaml:"note,omitempty" json:"note,omitempty"`
}

// Catalog indexes services by resource kind and type.
type Catalog struct {
	Services []*Service
	byType   map[resource.Kind]map[string]*Service
}

type file struct {
	Services []*Service `yaml:"services"`
}

// Default returns the embedded catalog. It is parsed once.
var Default = sync.OnceValues(func() (*Catalog, error) {
	var services []*Service
	err := fs.WalkDir(data, "data", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := data.ReadFile(p)
		if err != nil {
			return err
		}
		var f file
		dec := yaml.NewDecoder(strings.NewReader(string(b)))
		dec.KnownFields(true)
		if err := dec.Decode(&f); err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		services = append(services, f.Services...)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load catalog: %w", err)
	}
	return New(services)
})

// New indexes services. A type claimed by two services is an error.
func New(services []*Service) (*Catalog, error) {
	c := &Catalog{byType: map[resource.Kind]map[string]*Service{}}
	for _, s := range services {
		if err := c.add(s, false); err != nil {
			return nil, err
		}
	}
	return c, nil
}

func (c *Catalog) add(s *Service, override bool) error {
	if s.ID == "" {
		return fmt.Errorf("catalog service %q: id is required", s.Name)
	}
	if !s.Model.Valid() {
		return fmt.Errorf("catalog service %s: unknown service model %q (want one of %v)", s.ID, s.Model, finding.ServiceModels)
	}
	if s.Name == "" {
		s.Name = s.ID
	}
	replaced := false
	for i, old := range c.Services {
		if old.ID == s.ID {
			if !override {
				return fmt.Errorf("catalog service %s is defined twice", s.ID)
			}
			c.Services[i] = s
			replaced = true
		}
	}
	if !replaced {
		c.Services = append(c.Services, s)
	}
	for kind, types := range s.Types {
		if !kind.Valid() {
			return fmt.Errorf("catalog service %s: unknown kind %q", s.ID, kind)
		}
		if c.byType[kind] == nil {
			c.byType[kind] = map[string]*Service{}
		}
		for _, t := range types {
			if prev, dup := c.byType[kind][t]; dup && !override && prev != s {
				return fmt.Errorf("catalog: %s type %s is in both %s and %s", kind, t, prev.ID, s.ID)
			}
			c.byType[kind][t] = s
		}
	}
	sort.Slice(c.Services, func(i, j int) bool { return c.Services[i].ID < c.Services[j].ID })
	return nil
}

// Override returns a copy of c with services added or replaced (by id).
// A service that only names an existing id and a model changes that
// service's model.
func (c *Catalog) Override(services []*Service) (*Catalog, error) {
	out := &Catalog{byType: map[resource.Kind]map[string]*Service{}}
	for _, s := range c.Services {
		cp := *s
		if err := out.add(&cp, false); err != nil {
			return nil, err
		}
	}
	for _, s := range services {
		if len(s.Types) == 0 {
			found := false
			for _, old := range out.Services {
				if old.ID == s.ID {
					if s.Model != "" {
						if !s.Model.Valid() {
							return nil, fmt.Errorf("catalog override %s: unknown service model %q", s.ID, s.Model)
						}
						old.Model = s.Model
					}
					if s.Name != "" {
						old.Name = s.Name
					}
					found = true
				}
			}
			if !found {
				return nil, fmt.Errorf("catalog override %s: no such service, and no types given", s.ID)
			}
			continue
		}
		cp := *s
		if err := out.add(&cp, true); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Lookup returns the service a resource type belongs to.
func (c *Catalog) Lookup(kind resource.Kind, typ string) (*Service, bool) {
	s, ok := c.byType[kind][typ]
	return s, ok
}

// Get returns a service by id.
func (c *Catalog) Get(id string) *Service {
	for _, s := range c.Services {
		if s.ID == id {
			return s
		}
	}
	return nil
}
