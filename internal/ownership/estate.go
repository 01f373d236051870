package ownership

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/onus-project/onus/internal/catalog"
	"github.com/onus-project/onus/internal/engine"
	"github.com/onus-project/onus/internal/finding"
	"github.com/onus-project/onus/internal/policy"
	"github.com/onus-project/onus/internal/resource"
)

// Status of one layer of one service in the estate matrix.
type Status string

const (
	// StatusFailing: a check of the layer fails (findings with status fail).
	StatusFailing Status = "failing"
	// StatusUnowned: a customer or shared layer that no team owns (for at
	// least one resource); reported only when onus.yaml defines teams.
	StatusUnowned Status = "unowned"
	// StatusUncovered: a customer or shared layer no enabled policy checks.
	StatusUncovered Status = "uncovered"
	// StatusPassing: covered, owned, and every check passes.
	StatusPassing Status = "passing"
	// StatusProvider: the provider owns the layer.
	StatusProvider Status = "provider"
)

// Statuses lists the statuses from the most to the least urgent.
var Statuses = []Status{StatusFailing, StatusUnowned, StatusUncovered, StatusPassing, StatusProvider}

// Gap kinds: a layer nobody is handling.
const (
	GapUncovered = "uncovered"
	GapUnowned   = "unowned"
	GapFailing   = "failing"
)

// Gap is a customer or shared layer of a service in use that nobody is
// handling: no enabled policy checks it (uncovered), no team owns it
// (unowned), or its checks fail (failing).
type Gap struct {
	Kind         string               `json:"kind"` // uncovered | unowned | failing
	Service      string               `json:"service"`
	ServiceModel finding.ServiceModel `json:"service_model"`
	Layer        finding.Layer        `json:"layer"`
	Owner        finding.Owner        `json:"owner"`
	Team         string               `json:"team,omitempty"`
	Resources    int                  `json:"resources"`
	Message      string               `json:"message"`
}

// Estate is the estate's responsibility matrix: every service in use, its
// service model, and who owns and handles each layer. It is the "matrix"
// section of the report (docs/report.md).
type Estate struct {
	Services []ServiceRow `json:"services"`
}

// ServiceRow is one service in use.
type ServiceRow struct {
	Service      string               `json:"service"`
	Name         string               `json:"name"`
	Provider     string               `json:"provider"`
	ServiceModel finding.ServiceModel `json:"service_model"`
	Resources    int                  `json:"resources"`
	Layers       []LayerCell          `json:"layers"`
}

// LayerCell is one layer of one service.
type LayerCell struct {
	Layer finding.Layer `json:"layer"`
	Owner finding.Owner `json:"owner"`
	// Team owns the layer: the team most of the service's resources route
	// to (ties by name); Teams lists every team; both empty when none.
	Team  string   `json:"team"`
	Teams []string `json:"teams"`
	// Unowned counts the resources whose layer no team owns.
	Unowned int `json:"unowned"`
	// Policies are the enabled policies of this layer that apply to a
	// resource of the service in the estate.
	Policies []string `json:"policies"`
	// Passed and Failed count checks (one policy on one resource): failed
	// when the check has a finding with status fail, passed when it has
	// none; Waived when all its findings are waived.
	Passed int    `json:"passed"`
	Failed int    `json:"failed"`
	Waived int    `json:"waived"`
	Status Status `json:"status"`
}

// EstateInput is what the matrix is computed from.
type EstateInput struct {
	Resources []*resource.Resource
	// Policies are the enabled policies.
	Policies []*policy.Policy
	Checks   []engine.Check
	// Findings carry their final status (after waivers and baselines).
	Findings []finding.Finding
	Router   *Router
}

// Estate computes the estate matrix and its gaps.
func (m *Model) Estate(in EstateInput) (*Estate, []Gap) {
	type svcState struct {
		svc       *catalog.Service
		resources []*resource.Resource
	}
	bySvc := map[string]*svcState{}
	svcOf := map[string]string{} // resource id → service id
	for _, r := range in.Resources {
		s, ok := m.Catalog.Lookup(r.Kind, r.Type)
		if !ok {
			continue
		}
		st := bySvc[s.ID]
		if st == nil {
			st = &svcState{svc: s}
			bySvc[s.ID] = st
		}
		st.resources = append(st.resources, r)
		svcOf[r.ID] = s.ID
	}
	type key struct{ rule, res string }
	failing := map[key]int{}
	waived := map[key]int{}
	for _, f := range in.Findings {
		k := key{f.Rule, f.ResourceID}
		if f.Status == finding.Waived {
			waived[k]++
		} else {
			failing[k]++
		}
	}
	type cellKey struct {
		svc   string
		layer finding.Layer
	}
	counts := map[cellKey]*LayerCell{}
	for _, c := range in.Checks {
		sid, ok := svcOf[c.Resource.ID]
		if !ok {
			continue
		}
		ck := cellKey{sid, c.Policy.Layer}
		cell := counts[ck]
		if cell == nil {
			cell = &LayerCell{}
			counts[ck] = cell
		}
		k := key{c.Policy.ID, c.Resource.ID}
		switch {
		case failing[k] > 0:
			cell.Failed++
		case waived[k] > 0:
			cell.Waived++
		case c.Failed == 0 && c.Undetermined == 0:
			cell.Passed++
		}
	}

	est := &Estate{Services: []ServiceRow{}}
	var gaps []Gap
	ids := make([]string, 0, len(bySvc))
	for id := range bySvc {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		st := bySvc[id]
		row := ServiceRow{Service: id, Name: st.svc.Name, Provider: st.svc.Provider, ServiceModel: st.svc.Model, Resources: len(st.resources)}
		for _, layer := range finding.Layers {
			cell := LayerCell{Layer: layer, Owner: m.Matrix.Owner(st.svc.Provider, st.svc.Model, layer), Teams: []string{}, Policies: []string{}}
			if c := counts[cellKey{id, layer}]; c != nil {
				cell.Passed, cell.Failed, cell.Waived = c.Passed, c.Failed, c.Waived
			}
			for _, p := range in.Policies {
				if p.Layer != layer {
					continue
				}
				if slices.ContainsFunc(st.resources, func(r *resource.Resource) bool { return p.Applies(r.Kind, r.Type) }) {
					cell.Policies = append(cell.Policies, p.ID)
				}
			}
			if cell.Owner != finding.Provider {
				byTeam := map[string]int{}
				for _, r := range st.resources {
					if t := in.Router.Route(ResourceSubject(r, id, layer, cell.Owner)).Team; t != "" {
						byTeam[t]++
					} else {
						cell.Unowned++
					}
				}
				for t := range byTeam {
					cell.Teams = append(cell.Teams, t)
				}
				sort.Strings(cell.Teams)
				for _, t := range cell.Teams {
					if byTeam[t] > byTeam[cell.Team] {
						cell.Team = t
					}
				}
				if !in.Router.HasTeams() {
					cell.Unowned = 0
				}
			}
			cell.Status = status(&cell)
			row.Layers = append(row.Layers, cell)
			gaps = append(gaps, cellGaps(&row, &cell)...)
		}
		est.Services = append(est.Services, row)
	}
	return est, gaps
}

func status(c *LayerCell) Status {
	switch {
	case c.Owner == finding.Provider:
		return StatusProvider
	case c.Failed > 0:
		return StatusFailing
	case c.Unowned > 0:
		return StatusUnowned
	case len(c.Policies) == 0:
		return StatusUncovered
	default:
		return StatusPassing
	}
}

func cellGaps(row *ServiceRow, c *LayerCell) []Gap {
	if c.Owner == finding.Provider {
		return nil
	}
	base := Gap{Service: row.Service, ServiceModel: row.ServiceModel, Layer: c.Layer, Owner: c.Owner, Team: strings.Join(c.Teams, ","), Resources: row.Resources}
	var out []Gap
	if c.Failed > 0 {
		g := base
		g.Kind = GapFailing
		g.Message = fmt.Sprintf("%d of %s failing (%s)", c.Failed, plural(c.Failed+c.Passed+c.Waived, "check"), strings.Join(c.Policies, ", "))
		out = append(out, g)
	}
	if c.Unowned > 0 {
		g := base
		g.Kind = GapUnowned
		g.Team = "" // the resources in question have no team
		g.Resources = c.Unowned
		g.Message = fmt.Sprintf("no team owns %s for %d of %s; add an ownership rule or a default_team", c.Layer, c.Unowned, plural(row.Resources, "resource"))
		out = append(out, g)
	}
	if len(c.Policies) == 0 {
		g := base
		g.Kind = GapUncovered
		if c.Owner == finding.Customer {
			g.Message = fmt.Sprintf("the customer owns %s of %s and no enabled policy checks it", c.Layer, row.Name)
		} else {
			g.Message = fmt.Sprintf("the customer shares %s of %s with the provider and no enabled policy checks its half", c.Layer, row.Name)
		}
		out = append(out, g)
	}
	return out
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// FilterTeam keeps the services in which a team owns at least one layer;
// each kept row still has all seven layers.
func (e *Estate) FilterTeam(team string) *Estate {
	out := &Estate{Services: []ServiceRow{}}
	for _, row := range e.Services {
		keep := false
		for _, c := range row.Layers {
			if slices.Contains(c.Teams, team) {
				keep = true
			}
		}
		if keep {
			out.Services = append(out.Services, row)
		}
	}
	return out
}
