package report

import (
	"sort"

	"github.com/onus-project/onus/internal/finding"
	"github.com/onus-project/onus/internal/ownership"
)

// This file derives views that several formats share: the responsibility
// matrix (services × layers) and findings grouped owner → layer →
// severity. The matrix is built from what every report has (checks,
// findings and gaps) so that it works on any report; a report that carries
// its own matrix section can be mapped onto matrixView in one place.

// Matrix cell statuses.
const (
	cellFailing   = "failing"   // a finding of status fail
	cellWaived    = "waived"    // only waived findings
	cellPassing   = "passing"   // checked, nothing found
	cellUnowned   = "unowned"   // a gap: no team owns it
	cellUncovered = "uncovered" // a gap, or a customer/shared layer no policy checked
	cellProvider  = "provider"  // the provider's layer, not checked
)

// matrixCell is one layer of one service.
type matrixCell struct {
	Layer finding.Layer
	Owner finding.Owner
	Team  string
	// Policies counts the distinct policies that checked the service at
	// this layer; Passed the checks that found nothing.
	Policies int
	Passed   int
	Failed   int
	Waived   int
	Worst    finding.Severity
	Gap      string
	Status   string
}

// matrixRow is one service of the estate.
type matrixRow struct {
	Service   string
	Name      string
	Provider  string
	Model     finding.ServiceModel
	Resources int
	Cells     []matrixCell // one per finding.Layers, in order
}

type matrixView struct {
	Rows []matrixRow
}

// buildMatrix derives the responsibility matrix of a report. Owners come
// from the findings, checks and gaps of a cell, else from the model.
func buildMatrix(r *Report, m *ownership.Model) matrixView {
	type acc struct {
		row       matrixRow
		cells     map[finding.Layer]*matrixCell
		policies  map[finding.Layer]map[string]bool
		resources map[string]bool
	}
	rows := map[string]*acc{}
	get := func(service, provider string, model finding.ServiceModel) *acc {
		if service == "" {
			service = ownership.Unknown
		}
		a, ok := rows[service]
		if !ok {
			a = &acc{row: matrixRow{Service: service, Name: service, Provider: provider, Model: model},
				cells: map[finding.Layer]*matrixCell{}, policies: map[finding.Layer]map[string]bool{}, resources: map[string]bool{}}
			if m != nil {
				if s := m.Catalog.Get(service); s != nil {
					a.row.Name, a.row.Provider = s.Name, s.Provider
					if model == "" {
						a.row.Model = s.Model
					}
				}
			}
			rows[service] = a
		}
		if a.row.Model == "" {
			a.row.Model = model
		}
		if a.row.Provider == "" {
			a.row.Provider = provider
		}
		return a
	}
	cell := func(a *acc, l finding.Layer, owner finding.Owner, team string) *matrixCell {
		c, ok := a.cells[l]
		if !ok {
			c = &matrixCell{Layer: l}
			a.cells[l] = c
		}
		if c.Owner == "" && owner.Valid() {
			c.Owner = owner
		}
		if c.Team == "" && team != "" {
			c.Team = team
		}
		return c
	}
	for _, ch := range r.Checks {
		a := get(ch.Service, ch.Resource.Provider, ch.ServiceModel)
		c := cell(a, ch.Layer, ch.Owner, "")
		if a.policies[ch.Layer] == nil {
			a.policies[ch.Layer] = map[string]bool{}
		}
		a.policies[ch.Layer][ch.Rule] = true
		a.resources[nonEmpty(ch.ResourceID, ch.Resource.Address)] = true
		if ch.Failed == 0 && ch.Undetermined == 0 {
			c.Passed++
		}
	}
	for _, f := range r.Findings {
		a := get(f.Service, f.Resource.Provider, f.ServiceModel)
		c := cell(a, f.Layer, f.Owner, f.Team)
		a.resources[nonEmpty(f.ResourceID, f.Resource.Address)] = true
		if f.Status == finding.Waived {
			c.Waived++
			continue
		}
		c.Failed++
		if f.Severity.Rank() > c.Worst.Rank() {
			c.Worst = f.Severity
		}
	}
	for _, g := range r.Gaps {
		a := get(g.Service, "", g.ServiceModel)
		c := cell(a, g.Layer, g.Owner, g.Team)
		if c.Gap == "" || g.Kind == "unowned" {
			c.Gap = g.Kind
		}
	}
	var out matrixView
	for _, a := range rows {
		row := a.row
		row.Resources = len(a.resources)
		for _, l := range finding.Layers {
			c, ok := a.cells[l]
			if !ok {
				c = &matrixCell{Layer: l}
			}
			if c.Owner == "" && m != nil && row.Model.Valid() {
				c.Owner = m.Matrix.Owner(row.Provider, row.Model, l)
			}
			c.Policies = len(a.policies[l])
			c.Status = cellStatus(c)
			row.Cells = append(row.Cells, *c)
		}
		out.Rows = append(out.Rows, row)
	}
	sort.Slice(out.Rows, func(i, j int) bool { return out.Rows[i].Service < out.Rows[j].Service })
	return out
}

func cellStatus(c *matrixCell) string {
	switch {
	case c.Failed > 0:
		return cellFailing
	case c.Gap == "unowned":
		return cellUnowned
	case c.Gap != "" && c.Gap != cellFailing:
		return cellUncovered
	case c.Waived > 0:
		return cellWaived
	case c.Policies > 0:
		return cellPassing
	case c.Owner == finding.Provider:
		return cellProvider
	default:
		return cellUncovered
	}
}

// ownerHeadings say what each owner means for the reader.
var ownerHeadings = map[finding.Owner]string{
	finding.Customer: "Customer — yours to fix",
	finding.Shared:   "Shared — your half of a split layer",
	finding.Provider: "Provider — the provider's layer; tracked, not yours to fix",
}

// findingGroup is the findings of one owner, layer and severity.
type findingGroup struct {
	Owner    finding.Owner
	Layer    finding.Layer
	Severity finding.Severity
	Findings []finding.Finding
}

// groupFindings groups findings owner → layer → severity, in the order of
// finding.Owners, finding.Layers and finding.Severities; inside a group
// findings keep the report's order (file, line, rule).
func groupFindings(fs []finding.Finding) []findingGroup {
	var out []findingGroup
	for _, o := range finding.Owners {
		for _, l := range finding.Layers {
			for _, s := range finding.Severities {
				g := findingGroup{Owner: o, Layer: l, Severity: s}
				for _, f := range fs {
					if f.Owner == o && f.Layer == l && f.Severity == s {
						g.Findings = append(g.Findings, f)
					}
				}
				if len(g.Findings) > 0 {
					out = append(out, g)
				}
			}
		}
	}
	// findings whose owner, layer or severity is not a known value still show
	var odd []finding.Finding
	for _, f := range fs {
		if !f.Owner.Valid() || !f.Layer.Valid() || !f.Severity.Valid() {
			odd = append(odd, f)
		}
	}
	if len(odd) > 0 {
		out = append(out, findingGroup{Owner: "unknown", Layer: "unknown", Severity: "unknown", Findings: odd})
	}
	return out
}

// bySeverity sorts findings most severe first, stable otherwise.
func bySeverity(fs []finding.Finding) []finding.Finding {
	out := append([]finding.Finding(nil), fs...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Severity.Rank() > out[j].Severity.Rank() })
	return out
}

// teams lists the team names of the findings, sorted, "unassigned" last.
func teams(fs []finding.Finding) []string {
	seen := map[string]bool{}
	var out []string
	unassigned := false
	for _, f := range fs {
		if f.Team == "" {
			unassigned = true
			continue
		}
		if !seen[f.Team] {
			seen[f.Team] = true
			out = append(out, f.Team)
		}
	}
	sort.Strings(out)
	if unassigned {
		out = append(out, TeamName(""))
	}
	return out
}
