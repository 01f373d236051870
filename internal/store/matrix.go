package store

import (
	"slices"
	"sort"

	"github.com/onus-project/onus/internal/finding"
	"github.com/onus-project/onus/internal/ownership"
	"github.com/onus-project/onus/internal/report"
)

// Cell is one service × layer cell of the estate's responsibility matrix:
// who owns the layer, which teams, and how its checks went.
type Cell struct {
	Service      string               `json:"service"`
	ServiceModel finding.ServiceModel `json:"service_model"`
	Layer        finding.Layer        `json:"layer"`
	Owner        finding.Owner        `json:"owner"`
	Teams        []string             `json:"teams,omitempty"`
	Failed       int                  `json:"failed"`
	Waived       int                  `json:"waived"`
	// Passed counts passing checks when the report says so; nil when the
	// report does not carry per-cell check counts.
	Passed *int `json:"passed,omitempty"`
	// Gaps lists the kinds of gap reported on the cell (uncovered,
	// unowned, failing).
	Gaps         []string `json:"gaps,omitempty"`
	Repositories []string `json:"repositories,omitempty"`
}

// Cells derives a report's responsibility matrix from its findings and gaps:
// every layer of every service the report touches, with the owner from the
// model, the teams seen, and fail and waive counts. This is the one place
// the matrix is computed; when reports carry their own matrix, read it here.
func Cells(rep *report.Report) []Cell {
	m, err := ownership.DefaultMatrix()
	type key struct {
		service string
		layer   finding.Layer
	}
	cells := map[key]*Cell{}
	get := func(service string, model finding.ServiceModel, provider string, layer finding.Layer) *Cell {
		k := key{service, layer}
		c, ok := cells[k]
		if !ok {
			c = &Cell{Service: service, ServiceModel: model, Layer: layer}
			if err == nil && model.Valid() {
				c.Owner = m.Owner(provider, model, layer)
			}
			cells[k] = c
		}
		return c
	}
	services := map[string]struct {
		model    finding.ServiceModel
		provider string
	}{}
	for _, f := range rep.Findings {
		if f.Service == "" {
			continue
		}
		services[f.Service] = struct {
			model    finding.ServiceModel
			provider string
		}{f.ServiceModel, f.Resource.Provider}
		c := get(f.Service, f.ServiceModel, f.Resource.Provider, f.Layer)
		if f.Owner != "" {
			c.Owner = f.Owner
		}
		if f.Status == finding.Waived {
			c.Waived++
		} else {
			c.Failed++
		}
		c.Teams = addUnique(c.Teams, report.TeamName(f.Team))
	}
	for _, g := range rep.Gaps {
		if g.Service == "" {
			continue
		}
		if _, ok := services[g.Service]; !ok {
			services[g.Service] = struct {
				model    finding.ServiceModel
				provider string
			}{g.ServiceModel, ""}
		}
		c := get(g.Service, g.ServiceModel, "", g.Layer)
		if g.Owner != "" {
			c.Owner = g.Owner
		}
		c.Gaps = addUnique(c.Gaps, g.Kind)
		if g.Team != "" {
			c.Teams = addUnique(c.Teams, g.Team)
		}
	}
	// every layer of every service in use, so the matrix has no holes
	for s, info := range services {
		for _, l := range finding.Layers {
			get(s, info.model, info.provider, l)
		}
	}
	out := make([]Cell, 0, len(cells))
	for _, c := range cells {
		out = append(out, *c)
	}
	SortCells(out)
	return out
}

// MergeCells adds up the matrices of several repositories' reports.
func MergeCells(reports []ReportHeader) []Cell {
	type key struct {
		service string
		layer   finding.Layer
	}
	merged := map[key]*Cell{}
	for _, r := range reports {
		for _, c := range r.Matrix {
			k := key{c.Service, c.Layer}
			m, ok := merged[k]
			if !ok {
				cp := c
				cp.Teams, cp.Gaps, cp.Repositories = slices.Clone(c.Teams), slices.Clone(c.Gaps), nil
				if c.Passed != nil {
					p := *c.Passed
					cp.Passed = &p
				}
				merged[k] = &cp
				m = &cp
			} else {
				m.Failed += c.Failed
				m.Waived += c.Waived
				if c.Passed != nil {
					p := *c.Passed
					if m.Passed != nil {
						p += *m.Passed
					}
					m.Passed = &p
				}
				for _, t := range c.Teams {
					m.Teams = addUnique(m.Teams, t)
				}
				for _, g := range c.Gaps {
					m.Gaps = addUnique(m.Gaps, g)
				}
				if m.Owner == "" {
					m.Owner = c.Owner
				}
			}
			m.Repositories = addUnique(m.Repositories, r.Repository)
		}
	}
	out := make([]Cell, 0, len(merged))
	for _, c := range merged {
		out = append(out, *c)
	}
	SortCells(out)
	return out
}

// SortCells orders cells by service, then layer from data access down to
// physical infrastructure.
func SortCells(cs []Cell) {
	order := map[finding.Layer]int{}
	for i, l := range finding.Layers {
		order[l] = i
	}
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].Service != cs[j].Service {
			return cs[i].Service < cs[j].Service
		}
		return order[cs[i].Layer] < order[cs[j].Layer]
	})
}

func addUnique(list []string, s string) []string {
	if s == "" || slices.Contains(list, s) {
		return list
	}
	list = append(list, s)
	sort.Strings(list)
	return list
}
