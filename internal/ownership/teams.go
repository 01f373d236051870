package ownership

import (
	"bufio"
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/hmarr/codeowners"

	"github.com/onus-project/onus/internal/config"
	"github.com/onus-project/onus/internal/finding"
	"github.com/onus-project/onus/internal/resource"
	"github.com/onus-project/onus/internal/source"
)

// Tier orders the kinds of routing rules; a higher tier wins. See
// docs/ownership.md ("Team routing").
type Tier int

const (
	// TierNone: no rule routed the subject.
	TierNone Tier = iota
	// TierDefault: ownership.default_team.
	TierDefault
	// TierResponsibility: a rule with only layers, categories, owners or
	// services.
	TierResponsibility
	// TierCodeowners: a CODEOWNERS line (the file, then the teams'
	// codeowners entries).
	TierCodeowners
	// TierLocation: a rule with paths, namespaces, labels, modules or tags.
	TierLocation
	// TierResource: a rule naming resources by address.
	TierResource
)

// Subject is what is routed to a team: a finding, or one layer of one
// resource (for the estate matrix).
type Subject struct {
	Layer    finding.Layer
	Category finding.Category // empty for a matrix layer: rules with categories do not match
	Owner    finding.Owner
	Service  string
	Kind     resource.Kind
	Address  string
	File     string
	// Namespace, Module and Labels (Kubernetes labels or cloud tags).
	Namespace string
	Module    string
	Labels    map[string]string
}

// Route is where a subject went: the team, and the rule that sent it there
// ("ownership.rules[2]", "CODEOWNERS:14", "ownership.default_team").
type Route struct {
	Team string
	Rule string
	Tier Tier
}

// Router assigns teams to the customer's and shared responsibilities.
// The zero value (no teams) routes nothing.
type Router struct {
	rules       []config.Rule
	codeowners  []ownerLine
	defaultTeam string
	teams       []string
	cfgFile     string
}

type ownerLine struct {
	rule  codeowners.Rule
	team  string // "" when the line names no onus team
	where string // CODEOWNERS:12 or teams[1].codeowners[0]
}

// NewRouter builds a router from the config and the CODEOWNERS file's
// content (nil when there is none). coName names the file in diagnostics.
// Every CODEOWNERS problem is a diagnostic at its line; bad lines are
// skipped and the rest still used.
func NewRouter(cfg *config.Config, coName string, co []byte) (*Router, source.Diagnostics) {
	r := &Router{rules: cfg.Ownership.Rules, defaultTeam: cfg.Ownership.DefaultTeam, teams: cfg.TeamNames(), cfgFile: cfg.File}
	var diags source.Diagnostics
	handles := map[string]string{}
	for _, t := range cfg.Teams {
		for _, h := range t.Handles {
			handles[strings.ToLower(strings.TrimPrefix(h, "@"))] = t.Name
		}
	}
	teamOf := func(o codeowners.Owner) string {
		v := strings.ToLower(o.Value)
		if t, ok := handles[v]; ok {
			return t
		}
		name := v
		if _, after, ok := strings.Cut(v, "/"); ok && o.Type == codeowners.TeamOwner {
			name = after
		}
		for _, t := range r.teams {
			if strings.EqualFold(t, name) && o.Type != codeowners.EmailOwner {
				return t
			}
		}
		return ""
	}
	unknown := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(co))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		at := source.At(coName, n, 1)
		if strings.HasPrefix(line, "[") {
			diags = append(diags, source.Warningf(at, "CODEOWNERS section ignored", "sections are GitLab syntax; onus reads GitHub's"))
			continue
		}
		rs, err := codeowners.ParseFile(strings.NewReader(line))
		if err != nil || len(rs) != 1 {
			msg := "cannot parse the line"
			if err != nil {
				msg = strings.TrimPrefix(err.Error(), "line 1: ")
			}
			diags = append(diags, source.Errorf(at, "invalid CODEOWNERS line", "%s", msg))
			continue
		}
		ol := ownerLine{rule: rs[0], where: fmt.Sprintf("%s:%d", coName, n)}
		for _, o := range rs[0].Owners {
			if t := teamOf(o); t != "" {
				ol.team = t
				break
			}
		}
		if ol.team == "" {
			for _, o := range rs[0].Owners {
				if !unknown[o.String()] {
					unknown[o.String()] = true
					diags = append(diags, source.Warningf(at, "CODEOWNERS owner is not an onus team",
						"%s maps to no team; add it to a team's handles in %s", o.String(), cfg.File))
				}
			}
		}
		r.codeowners = append(r.codeowners, ol)
	}
	for i, t := range cfg.Teams {
		for j, pat := range t.Codeowners {
			path := fmt.Sprintf("teams[%d].codeowners[%d]", i, j)
			rs, err := codeowners.ParseFile(strings.NewReader(pat))
			if err != nil || len(rs) != 1 || len(rs[0].Owners) > 0 {
				diags = append(diags, source.Errorf(cfg.At(path), "invalid config", "%s: %q is not one CODEOWNERS pattern", path, pat))
				continue
			}
			r.codeowners = append(r.codeowners, ownerLine{rule: rs[0], team: t.Name, where: path})
		}
	}
	return r, diags
}

// HasTeams reports whether any team is defined; without teams no layer can
// be owned by one, and unowned gaps are not reported.
func (r *Router) HasTeams() bool { return r != nil && len(r.teams) > 0 }

// Teams lists the team names.
func (r *Router) Teams() []string {
	if r == nil {
		return nil
	}
	return r.teams
}

// Route returns the team a subject goes to. Provider-owned subjects go to
// no team. Among matching rules the highest tier wins; within a tier the
// rule with more selectors, then the earlier rule; among CODEOWNERS lines
// the last matching line, as on GitHub.
func (r *Router) Route(s Subject) Route {
	if r == nil || s.Owner == finding.Provider {
		return Route{}
	}
	best := Route{}
	bestSel := 0
	for i := range r.rules {
		rule := &r.rules[i]
		if !matches(rule, s) {
			continue
		}
		tier, sel := tierOf(rule), rule.Selectors()
		if tier > best.Tier || (tier == best.Tier && sel > bestSel) {
			best, bestSel = Route{Team: rule.Team, Rule: rule.Path, Tier: tier}, sel
		}
	}
	if best.Tier < TierCodeowners && s.File != "" {
		for i := len(r.codeowners) - 1; i >= 0; i-- {
			ol := &r.codeowners[i]
			if ok, err := ol.rule.Match(s.File); err != nil || !ok {
				continue
			}
			if ol.team != "" {
				best = Route{Team: ol.team, Rule: ol.where, Tier: TierCodeowners}
			}
			break // the last matching line decides, even when it names no team
		}
	}
	if best.Tier == TierNone && r.defaultTeam != "" {
		best = Route{Team: r.defaultTeam, Rule: "ownership.default_team", Tier: TierDefault}
	}
	return best
}

func tierOf(rule *config.Rule) Tier {
	switch {
	case len(rule.Resources) > 0:
		return TierResource
	case len(rule.Paths) > 0 || len(rule.Namespaces) > 0 || len(rule.Labels) > 0 || len(rule.Modules) > 0 || len(rule.Tags) > 0:
		return TierLocation
	default:
		return TierResponsibility
	}
}

// matches reports whether every selector of rule matches s.
func matches(rule *config.Rule, s Subject) bool {
	if len(rule.Layers) > 0 && !slices.Contains(rule.Layers, s.Layer) {
		return false
	}
	if len(rule.Categories) > 0 && (s.Category == "" || !slices.Contains(rule.Categories, s.Category)) {
		return false
	}
	if len(rule.Owners) > 0 && !slices.Contains(rule.Owners, s.Owner) {
		return false
	}
	if len(rule.Services) > 0 && !slices.Contains(rule.Services, s.Service) {
		return false
	}
	if len(rule.Resources) > 0 && !anyGlob(rule.Resources, s.Address) {
		return false
	}
	if len(rule.Paths) > 0 && (s.File == "" || !anyGlob(rule.Paths, s.File)) {
		return false
	}
	if len(rule.Namespaces) > 0 && (s.Kind != resource.Kubernetes || !anyGlob(rule.Namespaces, s.Namespace)) {
		return false
	}
	if len(rule.Labels) > 0 && (s.Kind != resource.Kubernetes || !labelsMatch(rule.Labels, s.Labels)) {
		return false
	}
	if len(rule.Modules) > 0 && (s.Module == "" || !anyGlob(rule.Modules, s.Module)) {
		return false
	}
	if len(rule.Tags) > 0 && (s.Kind == resource.Kubernetes || !labelsMatch(rule.Tags, s.Labels)) {
		return false
	}
	return true
}

func anyGlob(globs []string, s string) bool {
	for _, g := range globs {
		if ok, err := doublestar.Match(g, s); err == nil && ok {
			return true
		}
	}
	return false
}

func labelsMatch(want, have map[string]string) bool {
	for k, g := range want {
		v, ok := have[k]
		if !ok {
			return false
		}
		if m, err := doublestar.Match(g, v); err != nil || !m {
			return false
		}
	}
	return true
}

// FindingSubject is the subject of a finding.
func FindingSubject(f *finding.Finding) Subject {
	return Subject{
		Layer: f.Layer, Category: f.Category, Owner: f.Owner, Service: f.Service,
		Kind: f.Resource.Kind, Address: f.Resource.Address, File: f.Location.File,
		Namespace: f.Resource.Namespace, Module: f.Resource.Module, Labels: f.Labels,
	}
}

// ResourceSubject is the subject of one layer of a resource.
func ResourceSubject(r *resource.Resource, service string, layer finding.Layer, owner finding.Owner) Subject {
	return Subject{
		Layer: layer, Owner: owner, Service: service, Kind: r.Kind, Address: r.Address,
		File: r.Range.Filename, Namespace: r.Namespace, Module: r.Module, Labels: r.Labels,
	}
}

// Assign sets the team of every customer or shared finding. Findings on
// provider-owned layers get no team.
func (r *Router) Assign(fs []finding.Finding) {
	for i := range fs {
		fs[i].Team = r.Route(FindingSubject(&fs[i])).Team
	}
}
