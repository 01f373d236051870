package store

import (
	"strings"

	"github.com/onus-project/onus/internal/finding"
	"github.com/onus-project/onus/internal/report"
)

// Placeholder writes the n-th (1-based) query parameter of a dialect.
type Placeholder func(n int) string

// FindingWhere builds the WHERE clause of a findings query over the
// findings table aliased f (and reports aliased r) for both dialects.
func FindingWhere(flt FindingFilter, ph Placeholder) (string, []any) {
	var conds []string
	var args []any
	add := func(cond string, v any) {
		args = append(args, v)
		conds = append(conds, strings.ReplaceAll(cond, "?", ph(len(args))))
	}
	switch {
	case flt.ReportID > 0:
		add("f.report_id = ?", flt.ReportID)
	case flt.Branch != "":
		add("f.report_id IN (SELECT MAX(id) FROM reports WHERE branch = ? GROUP BY repository)", flt.Branch)
	default:
		conds = append(conds, "f.report_id IN (SELECT MAX(id) FROM reports GROUP BY repository)")
	}
	for _, c := range []struct{ col, v string }{
		{"f.team", flt.Team}, {"f.owner", flt.Owner}, {"f.layer", flt.Layer}, {"f.severity", flt.Severity},
		{"f.status", flt.Status}, {"f.repository", flt.Repository}, {"f.rule", flt.Rule}, {"f.service", flt.Service},
	} {
		if c.v != "" {
			add(c.col+" = ?", c.v)
		}
	}
	return "WHERE " + strings.Join(conds, " AND "), args
}

// ReportWhere builds the WHERE clause of a reports query (alias r).
func ReportWhere(flt ReportFilter, ph Placeholder) (string, []any) {
	conds := []string{"1 = 1"}
	var args []any
	add := func(cond string, v any) {
		args = append(args, v)
		conds = append(conds, strings.ReplaceAll(cond, "?", ph(len(args))))
	}
	if flt.Repository != "" {
		add("r.repository = ?", flt.Repository)
	}
	if flt.Branch != "" {
		add("r.branch = ?", flt.Branch)
	}
	if flt.Before > 0 {
		add("r.id < ?", flt.Before)
	}
	if !flt.Since.IsZero() {
		add("r.uploaded_at >= ?", flt.Since.UTC())
	}
	return "WHERE " + strings.Join(conds, " AND "), args
}

// SeverityRank orders severities for SQL (critical first).
func SeverityRank(s finding.Severity) int {
	switch s {
	case finding.Critical:
		return 0
	case finding.High:
		return 1
	case finding.Medium:
		return 2
	}
	return 3
}

// FindingColumns are the filterable columns stored for a finding.
func FindingColumns(f *finding.Finding) []any {
	return []any{
		f.Rule, string(f.Severity), SeverityRank(f.Severity), string(f.Category), string(f.Layer), string(f.Owner),
		report.TeamName(f.Team), f.Service, string(f.ServiceModel), string(f.Status),
		f.Resource.Address, f.Location.File, f.Location.StartLine, f.Message, f.Fingerprint,
	}
}

// FindingColumnNames names FindingColumns, in order.
const FindingColumnNames = "rule, severity, severity_rank, category, layer, owner, team, service, service_model, status, resource, file, line, message, fingerprint"
