// Package report builds the onus/report@v1 document from findings, gaps and
// diagnostics, and writes it in each output format (one file per format).
package report

import (
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/onus-project/onus/internal/finding"
	"github.com/onus-project/onus/internal/ownership"
	"github.com/onus-project/onus/internal/policy"
	"github.com/onus-project/onus/internal/source"
	"github.com/onus-project/onus/internal/waiver"
)

// Schema names the report format and its version.
const Schema = "onus/report@v1"

// Tool identifies the program that wrote a report.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Diagnostic is a source.Diagnostic flattened for the report.
type Diagnostic struct {
	Severity source.Severity `json:"severity"`
	Summary  string          `json:"summary"`
	Detail   string          `json:"detail,omitempty"`
	File     string          `json:"file,omitempty"`
	Line     int             `json:"line,omitempty"`
	Column   int             `json:"column,omitempty"`
}

// String prints file:line:col: summary: detail.
func (d Diagnostic) String() string {
	sd := source.Diagnostic{Severity: d.Severity, Summary: d.Summary, Detail: d.Detail}
	if d.File != "" {
		sd.Subject = source.At(d.File, d.Line, d.Column)
	}
	return sd.Error()
}

// Summary counts what a report holds.
type Summary struct {
	Files     int `json:"files"`
	Resources int `json:"resources"`
	Policies  int `json:"policies"`
	Checks    int `json:"checks"`
	// Failed counts findings with status fail; Waived those waived.
	Failed     int                      `json:"failed"`
	Waived     int                      `json:"waived"`
	BySeverity map[finding.Severity]int `json:"by_severity"`
	ByOwner    map[finding.Owner]int    `json:"by_owner"`
	ByLayer    map[finding.Layer]int    `json:"by_layer"`
	ByCategory map[finding.Category]int `json:"by_category"`
	ByTeam     map[string]int           `json:"by_team"`
	// Undetermined counts checks whose result rested on values unknown
	// before apply; they are neither findings nor passes.
	Undetermined int `json:"undetermined"`
	Gaps         int `json:"gaps"`
	// GapsByKind counts gaps by kind (uncovered, unowned, failing).
	GapsByKind map[string]int `json:"gaps_by_kind"`
	// ProviderOwned counts failed findings on layers the provider owns
	// (included in Failed; they do not fail a scan unless configured to).
	ProviderOwned int `json:"provider_owned"`
	// Baseline counts findings left out of Failed because the baseline
	// report already had them.
	Baseline int `json:"baseline"`
	// ExpiredWaivers and StaleWaivers count the waivers section.
	ExpiredWaivers int `json:"expired_waivers"`
	StaleWaivers   int `json:"stale_waivers"`
	Errors         int `json:"errors"`
	Warnings       int `json:"warnings"`
}

// Gap is a layer of a service in use that nobody is handling: no policy
// covers it (uncovered), no team owns it (unowned), or its checks fail.
type Gap = ownership.Gap

// Report is the public contract of a scan.
type Report struct {
	Schema      string            `json:"schema"`
	Tool        Tool              `json:"tool"`
	GeneratedAt time.Time         `json:"generated_at"`
	Roots       []string          `json:"roots"`
	Summary     Summary           `json:"summary"`
	Findings    []finding.Finding `json:"findings"`
	Gaps        []Gap             `json:"gaps"`
	// Matrix is the estate's responsibility matrix (docs/report.md).
	Matrix *ownership.Estate `json:"matrix"`
	// Waivers lists expired and stale waivers.
	Waivers     waiver.Outcome `json:"waivers"`
	Diagnostics []Diagnostic   `json:"diagnostics"`
	// Extensions holds sections added by later stages (advisory data
	// provenance, the responsibility matrix); each documents its own shape.
	Extensions map[string]any `json:"extensions,omitempty"`

	// Policies are the policies the scan ran (not serialised; writers that
	// describe rules, such as SARIF, use them).
	Policies []*policy.Policy `json:"-"`
	// Files holds scanned file contents for snippets (not serialised).
	Files source.Files `json:"-"`
	// Results counts each policy's checks by outcome (not serialised;
	// onus compliance reads it).
	Results map[string]PolicyResult `json:"-"`
	// Checks lists every policy evaluated on every resource it targets (not
	// serialised; JUnit writes a test case per check, the matrix counts
	// passes from them). Empty for a report read back from JSON.
	Checks []Check `json:"-"`
}

// PolicyResult counts one policy's checks (one policy on one resource):
// failed when the check has a finding with status fail, waived when all its
// findings are waived, passed when it has none.
type PolicyResult struct {
	Checks int
	Passed int
	Failed int
	Waived int
}

// Check is the outcome of one policy on one resource: the engine's check,
// in a form the report can hold without knowing the engine.
type Check struct {
	Rule string
	// ResourceID is the scan-unique id of the resource (matches
	// finding.Finding.ResourceID).
	ResourceID   string
	Resource     finding.ResourceRef
	Location     finding.Location
	Service      string
	ServiceModel finding.ServiceModel
	Layer        finding.Layer
	Owner        finding.Owner
	// Failed counts the findings the policy reported on the resource
	// (waived ones included); Undetermined those dropped because they
	// rest on values unknown before apply.
	Failed       int
	Undetermined int
}

// Input is what Build assembles a report from.
type Input struct {
	Tool         Tool
	Now          time.Time
	Roots        []string
	Findings     []finding.Finding
	Gaps         []Gap
	Matrix       *ownership.Estate
	Waivers      waiver.Outcome
	Diagnostics  source.Diagnostics
	Files        int
	Resources    int
	Checks       int
	Undetermined int
	Policies     []*policy.Policy
	Sources      source.Files
	Results      map[string]PolicyResult
	// CheckResults are the individual checks; when Checks is zero the
	// summary counts them.
	CheckResults []Check
}

// Build assembles a report and its summary.
func Build(in Input) *Report {
	r := &Report{
		Schema:      Schema,
		Tool:        in.Tool,
		GeneratedAt: in.Now.UTC(),
		Roots:       in.Roots,
		Findings:    in.Findings,
		Gaps:        in.Gaps,
		Matrix:      in.Matrix,
		Waivers:     in.Waivers,
		Diagnostics: FlattenDiagnostics(in.Diagnostics),
		Policies:    in.Policies,
		Files:       in.Sources,
		Results:     in.Results,
		Checks:      in.CheckResults,
	}
	if r.Findings == nil {
		r.Findings = []finding.Finding{}
	}
	if r.Gaps == nil {
		r.Gaps = []Gap{}
	}
	if r.Matrix == nil {
		r.Matrix = &ownership.Estate{Services: []ownership.ServiceRow{}}
	}
	if r.Waivers.Expired == nil {
		r.Waivers.Expired = []waiver.Entry{}
	}
	if r.Waivers.Stale == nil {
		r.Waivers.Stale = []waiver.Entry{}
	}
	r.Summary = Summary{
		Files: in.Files, Resources: in.Resources, Policies: len(in.Policies), Checks: in.Checks,
		Undetermined: in.Undetermined, Gaps: len(r.Gaps),
	}
	if r.Summary.Checks == 0 {
		r.Summary.Checks = len(in.CheckResults)
	}
	r.Recount()
	return r
}

// Recount recomputes the finding and diagnostic counts of the summary, after
// findings were filtered or waived.
func (r *Report) Recount() {
	s := &r.Summary
	s.Failed, s.Waived, s.Errors, s.Warnings, s.ProviderOwned, s.Baseline = 0, 0, 0, 0, 0, 0
	s.BySeverity = map[finding.Severity]int{}
	s.ByOwner = map[finding.Owner]int{}
	s.ByLayer = map[finding.Layer]int{}
	s.ByCategory = map[finding.Category]int{}
	s.ByTeam = map[string]int{}
	for _, f := range r.Findings {
		if f.Status == finding.Waived {
			s.Waived++
			continue
		}
		if f.Baseline {
			s.Baseline++
			continue
		}
		s.Failed++
		if f.Owner == finding.Provider {
			s.ProviderOwned++
		}
		s.BySeverity[f.Severity]++
		s.ByOwner[f.Owner]++
		s.ByLayer[f.Layer]++
		s.ByCategory[f.Category]++
		s.ByTeam[TeamName(f.Team)]++
	}
	for _, d := range r.Diagnostics {
		if d.Severity == source.Error {
			s.Errors++
		} else {
			s.Warnings++
		}
	}
	s.Gaps = len(r.Gaps)
	s.GapsByKind = map[string]int{}
	for _, g := range r.Gaps {
		s.GapsByKind[g.Kind]++
	}
	s.ExpiredWaivers, s.StaleWaivers = len(r.Waivers.Expired), len(r.Waivers.Stale)
}

// TeamName prints an empty team as "unassigned".
func TeamName(t string) string {
	if t == "" {
		return "unassigned"
	}
	return t
}

// FlattenDiagnostics converts diagnostics for the report, sorted.
func FlattenDiagnostics(ds source.Diagnostics) []Diagnostic {
	ds = slices.Clone(ds)
	ds.Sort()
	out := make([]Diagnostic, 0, len(ds))
	for _, d := range ds {
		rd := Diagnostic{Severity: d.Severity, Summary: d.Summary, Detail: d.Detail}
		if d.Subject != nil {
			rd.File, rd.Line, rd.Column = d.Subject.Filename, d.Subject.Start.Line, d.Subject.Start.Column
		}
		out = append(out, rd)
	}
	return out
}

// Failing returns the findings with status fail, not in the baseline, at or
// above a severity.
func (r *Report) Failing(threshold finding.Severity) []finding.Finding {
	var out []finding.Finding
	for _, f := range r.Findings {
		if f.Status == finding.Fail && !f.Baseline && f.Severity.AtLeast(threshold) {
			out = append(out, f)
		}
	}
	return out
}

// Options tune writers. The zero value is usable.
type Options struct {
	// Color enables ANSI colours (text).
	Color bool
	// Quiet leaves out everything but findings and errors (text).
	Quiet bool
	// Model is the responsibility model the scan used; SARIF rule help
	// and the HTML and Markdown matrices read owners from it. Nil means
	// the embedded default (ownership.Default).
	Model *ownership.Model
}

// model returns o.Model or the embedded default; nil only when the
// embedded model is broken, which its own tests rule out.
func (o Options) model() *ownership.Model {
	if o.Model != nil {
		return o.Model
	}
	m, err := ownership.Default()
	if err != nil {
		return nil
	}
	return m
}

// Writer writes a report in one format.
type Writer interface {
	Write(w io.Writer, r *Report) error
}

// Formats maps format names to writer constructors. It is a value built by
// the caller (see NewFormats), not a registry.
type Formats map[string]func(Options) Writer

// NewFormats returns the formats this package writes.
func NewFormats() Formats {
	return Formats{
		"text":     func(o Options) Writer { return &Text{Options: o} },
		"json":     func(Options) Writer { return JSON{} },
		"sarif":    func(o Options) Writer { return &SARIF{Options: o} },
		"junit":    func(Options) Writer { return JUnit{} },
		"markdown": func(o Options) Writer { return &Markdown{Options: o} },
		"csv":      func(Options) Writer { return CSV{} },
		"html":     func(o Options) Writer { return &HTML{Options: o} },
	}
}

// Names lists the format names, sorted.
func (f Formats) Names() []string {
	var out []string
	for k := range f {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Get returns the writer of a format.
func (f Formats) Get(name string, o Options) (Writer, error) {
	mk, ok := f[name]
	if !ok {
		return nil, fmt.Errorf("unknown format %q (want one of %s)", name, strings.Join(f.Names(), ", "))
	}
	return mk(o), nil
}
