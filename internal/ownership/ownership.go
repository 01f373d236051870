// Package ownership applies the shared responsibility model: for each
// finding, the service and service model of its resource (from the
// catalog) and the owner of the layer it breaks (from the matrix).
package ownership

import (
	_ "embed"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/onus-project/onus/internal/catalog"
	"github.com/onus-project/onus/internal/config"
	"github.com/onus-project/onus/internal/finding"
	"github.com/onus-project/onus/internal/source"
)

//go:embed matrix.yaml
var matrixYAML string

// Refinement changes cells of one service model for one provider.
type Refinement struct {
	Provider string                          `yaml:"provider" json:"provider"`
	Model    finding.ServiceModel            `yaml:"model" json:"service_model"`
	Why      string                          `yaml:"why" json:"why"`
	Layers   map[finding.Layer]finding.Owner `yaml:"layers" json:"layers"`
}

// Matrix says who owns each layer under each service model.
type Matrix struct {
	Models      map[finding.ServiceModel]map[finding.Layer]finding.Owner `yaml:"models" json:"models"`
	Refinements []Refinement                                             `yaml:"refinements" json:"refinements"`
}

// DefaultMatrix returns the embedded matrix, parsed and validated once.
var DefaultMatrix = sync.OnceValues(func() (*Matrix, error) {
	var m Matrix
	dec := yaml.NewDecoder(strings.NewReader(matrixYAML))
	dec.KnownFields(true)
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("parse matrix: %w", err)
	}
	if err := m.Validate(); err != nil {
		return nil, err
	}
	return &m, nil
})

// Validate checks that every model has every layer with a known owner.
func (m *Matrix) Validate() error {
	for _, sm := range finding.ServiceModels {
		cells, ok := m.Models[sm]
		if !ok {
			return fmt.Errorf("matrix: service model %s is missing", sm)
		}
		for _, l := range finding.Layers {
			if !cells[l].Valid() {
				return fmt.Errorf("matrix: %s %s: owner %q is not one of customer, shared, provider", sm, l, cells[l])
			}
		}
	}
	for sm := range m.Models {
		if !sm.Valid() {
			return fmt.Errorf("matrix: unknown service model %q", sm)
		}
	}
	for _, r := range m.Refinements {
		if !r.Model.Valid() {
			return fmt.Errorf("matrix refinement for %s: unknown service model %q", r.Provider, r.Model)
		}
		for l, o := range r.Layers {
			if !l.Valid() || !o.Valid() {
				return fmt.Errorf("matrix refinement for %s %s: bad cell %s: %s", r.Provider, r.Model, l, o)
			}
		}
	}
	return nil
}

// Owner returns who owns a layer of a provider's service of a model.
func (m *Matrix) Owner(provider string, model finding.ServiceModel, layer finding.Layer) finding.Owner {
	for i := len(m.Refinements) - 1; i >= 0; i-- {
		r := m.Refinements[i]
		if r.Provider == provider && r.Model == model {
			if o, ok := r.Layers[layer]; ok {
				return o
			}
		}
	}
	return m.Models[model][layer]
}

// Refinement returns the refinement of a provider and model, if any.
func (m *Matrix) Refinement(provider string, model finding.ServiceModel) *Refinement {
	for i := len(m.Refinements) - 1; i >= 0; i-- {
		if m.Refinements[i].Provider == provider && m.Refinements[i].Model == model {
			return &m.Refinements[i]
		}
	}
	return nil
}

// Model is the catalog and matrix a scan uses.
type Model struct {
	Catalog *catalog.Catalog
	Matrix  *Matrix
}

// Default returns the embedded catalog and matrix.
func Default() (*Model, error) {
	c, err := catalog.Default()
	if err != nil {
		return nil, err
	}
	m, err := DefaultMatrix()
	if err != nil {
		return nil, err
	}
	return &Model{Catalog: c, Matrix: m}, nil
}

// Unknown is the service of resource types the catalog does not list; they
// are treated as IaaS, the model where the customer owns the most.
const Unknown = "unclassified"

// Service returns the service and model of a finding's resource.
func (m *Model) Service(f *finding.Finding) (id string, model finding.ServiceModel, provider string) {
	if s, ok := m.Catalog.Lookup(f.Resource.Kind, f.Resource.Type); ok {
		return s.ID, s.Model, s.Provider
	}
	return Unknown, finding.IaaS, f.Resource.Provider
}

// Assign fills service, service model and owner on every finding.
func (m *Model) Assign(fs []finding.Finding) {
	for i := range fs {
		f := &fs[i]
		id, model, provider := m.Service(f)
		f.Service, f.ServiceModel = id, model
		f.Owner = m.Matrix.Owner(provider, model, f.Layer)
	}
}

// Override returns a copy of m with cells changed: for every provider when
// provider is empty (the model's column), else as a refinement of that
// provider, which wins over the embedded refinements.
func (m *Matrix) Override(provider string, model finding.ServiceModel, why string, layers map[finding.Layer]finding.Owner) *Matrix {
	out := &Matrix{Models: map[finding.ServiceModel]map[finding.Layer]finding.Owner{}, Refinements: slices.Clone(m.Refinements)}
	for sm, cells := range m.Models {
		out.Models[sm] = maps.Clone(cells)
	}
	if provider == "" {
		for l, o := range layers {
			out.Models[model][l] = o
		}
		// a column override applies to every provider: drop the embedded
		// refinements of those cells
		for i := range out.Refinements {
			r := &out.Refinements[i]
			if r.Model != model {
				continue
			}
			cells := maps.Clone(r.Layers)
			for l := range layers {
				delete(cells, l)
			}
			r.Layers = cells
		}
		return out
	}
	out.Refinements = append(out.Refinements, Refinement{Provider: provider, Model: model, Why: why, Layers: maps.Clone(layers)})
	return out
}

// WithConfig returns the model with onus.yaml's matrix and catalog
// overrides applied. Problems are diagnostics at the override's position.
func (m *Model) WithConfig(cfg *config.Config) (*Model, source.Diagnostics) {
	var diags source.Diagnostics
	out := &Model{Catalog: m.Catalog, Matrix: m.Matrix}
	for _, o := range cfg.Matrix {
		out.Matrix = out.Matrix.Override(o.Provider, o.Model, o.Why, o.Layers)
	}
	if len(cfg.Catalog) > 0 {
		var services []*catalog.Service
		for _, e := range cfg.Catalog {
			services = append(services, &catalog.Service{ID: e.ID, Name: e.Name, Provider: e.Provider, Model: e.Model, Types: e.Types, Note: e.Note})
		}
		c, err := m.Catalog.Override(services)
		if err != nil {
			diags = append(diags, source.Errorf(cfg.At("catalog"), "invalid config", "catalog: %v", err))
		} else {
			out.Catalog = c
		}
	}
	return out, diags
}
