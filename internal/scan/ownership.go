package scan

import (
	"slices"
	"strings"
	"time"

	"github.com/onus-project/onus/internal/engine"
	"github.com/onus-project/onus/internal/finding"
	"github.com/onus-project/onus/internal/ownership"
	"github.com/onus-project/onus/internal/report"
	"github.com/onus-project/onus/internal/resource"
	"github.com/onus-project/onus/internal/source"
	"github.com/onus-project/onus/internal/waiver"
)

// OwnershipOptions configure the stages after the engine: severity
// overrides, team routing, waivers, the baseline, the estate matrix and its
// gaps. The zero value routes no teams and applies only inline waivers.
type OwnershipOptions struct {
	// Severity overrides the severity of a policy's findings (by ID).
	Severity map[string]finding.Severity
	// Router routes customer and shared findings and layers to teams.
	Router *ownership.Router
	// Waivers is the waiver file (nil for none).
	Waivers *waiver.File
	// Baseline marks the findings a previous report already had.
	Baseline *report.Baseline
	// Team, when set, keeps only that team's findings, gaps and services.
	Team string
}

// owned is what the ownership stages add to a report.
type owned struct {
	gaps    []report.Gap
	matrix  *ownership.Estate
	waivers waiver.Outcome
	results map[string]report.PolicyResult
	diags   source.Diagnostics
}

// applyOwnership runs the ownership stages on an evaluation's findings, in
// place: service, model and owner; severity overrides; teams; waivers;
// baseline; then the matrix and gaps, and the --team filter.
func (o *Options) applyOwnership(res *engine.Result, rs []*resource.Resource, now time.Time) owned {
	oo := &o.Ownership
	fs := res.Findings
	var out owned
	out.waivers, out.diags = oo.Assign(o.Model, fs, rs, now)
	oo.Baseline.Mark(fs)
	out.results = policyResults(res.Checks, fs)
	out.matrix, out.gaps = o.Model.Estate(ownership.EstateInput{
		Resources: rs, Policies: o.Engine.Policies(), Checks: res.Checks, Findings: fs, Router: oo.Router,
	})
	if oo.Team != "" {
		res.Findings = slices.DeleteFunc(fs, func(f finding.Finding) bool { return f.Team != oo.Team })
		out.gaps = slices.DeleteFunc(out.gaps, func(g report.Gap) bool {
			return !slices.Contains(strings.Split(g.Team, ","), oo.Team)
		})
		out.matrix = out.matrix.FilterTeam(oo.Team)
	}
	return out
}

// Assign gives findings their owner and team and applies waivers, in place:
// service, model and owner; severity overrides; teams; inline and file
// waivers. Every entry point (scan, admission) judges findings this way.
func (oo *OwnershipOptions) Assign(model *ownership.Model, fs []finding.Finding, rs []*resource.Resource, now time.Time) (waiver.Outcome, source.Diagnostics) {
	for i := range fs {
		if sev, ok := oo.Severity[fs[i].Rule]; ok {
			fs[i].Severity = sev
		}
	}
	model.Assign(fs)
	oo.Router.Assign(fs)
	byID := make(map[string]*resource.Resource, len(rs))
	for _, r := range rs {
		byID[r.ID] = r
	}
	return waiver.Apply(fs, byID, oo.Waivers, now)
}

// policyResults counts each policy's checks by outcome.
func policyResults(checks []engine.Check, fs []finding.Finding) map[string]report.PolicyResult {
	type key struct{ rule, res string }
	failing, waived := map[key]bool{}, map[key]bool{}
	for _, f := range fs {
		if f.Status == finding.Waived {
			waived[key{f.Rule, f.ResourceID}] = true
		} else {
			failing[key{f.Rule, f.ResourceID}] = true
		}
	}
	out := map[string]report.PolicyResult{}
	for _, c := range checks {
		r := out[c.Policy.ID]
		r.Checks++
		k := key{c.Policy.ID, c.Resource.ID}
		switch {
		case failing[k]:
			r.Failed++
		case waived[k]:
			r.Waived++
		case c.Failed == 0 && c.Undetermined == 0:
			r.Passed++
		}
		out[c.Policy.ID] = r
	}
	return out
}
