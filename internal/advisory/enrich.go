package advisory

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"sync"
	"time"

	"github.com/onus-project/onus/internal/ecosystem"
	"github.com/onus-project/onus/internal/resource"
	"github.com/onus-project/onus/internal/scan"
	"github.com/onus-project/onus/internal/source"
)

// ExtensionName is the report extension the enricher adds.
const ExtensionName = "advisories"

// Enricher matches package resources against a DB and attaches the
// advisories that affect each one to its attrs as "advisories", a list of
// objects (see docs/advisories.md). It implements scan.Enricher.
type Enricher struct {
	DB *DB
	// Now is the time ages are measured at; zero means time.Now.
	Now time.Time
}

var _ scan.Enricher = (*Enricher)(nil)

// Provenance says which advisory data a scan used and how old it is: the
// "advisories" report extension.
type Provenance struct {
	// BuiltinOnly is true when no imported index was used.
	BuiltinOnly bool `json:"builtin_only"`
	// Index is the index directory, when one was used.
	Index   string         `json:"index,omitempty"`
	Sources []SourceReport `json:"sources"`
	// ImportedAt is the last import into the index, or for the built-in
	// set alone the date it was curated.
	ImportedAt time.Time `json:"imported_at"`
	// AgeDays is how many whole days before the scan ImportedAt is.
	AgeDays int `json:"age_days"`
	// Packages counts the package resources checked; Affected those with
	// at least one advisory; Matches the advisories found.
	Packages int `json:"packages"`
	Affected int `json:"affected"`
	Matches  int `json:"matches"`
}

// SourceReport describes one source of advisory data.
type SourceReport struct {
	Name       string    `json:"name"` // "builtin" or an imported path
	Records    int       `json:"records"`
	ImportedAt time.Time `json:"imported_at"`
	// Newest is the newest modified time of the source's records.
	Newest time.Time `json:"newest_modified"`
}

// TextSummary is the line the text report prints.
func (p Provenance) TextSummary() string {
	if p.BuiltinOnly {
		n := 0
		for _, s := range p.Sources {
			n += s.Records
		}
		return fmt.Sprintf("advisories: built-in set only (%d well-known library vulnerabilities, curated %s, %d days old); import a full OSV export with `onus advisories import` for complete coverage; %d of %d packages affected",
			n, p.ImportedAt.Format(time.DateOnly), p.AgeDays, p.Affected, p.Packages)
	}
	records := 0
	for _, s := range p.Sources {
		if s.Name != SourceBuiltin {
			records += s.Records
		}
	}
	return fmt.Sprintf("advisories: index %s (%d records, last imported %s, %d days old) and the built-in set; %d of %d packages affected",
		p.Index, records, p.ImportedAt.Format(time.DateOnly), p.AgeDays, p.Affected, p.Packages)
}

// Enrich implements scan.Enricher. Packages are matched in parallel, one
// worker per CPU; each worker writes only the attrs of its own resources.
// The report extension is returned when at least one package was checked.
func (e *Enricher) Enrich(ctx context.Context, rs []*resource.Resource) (scan.Extension, source.Diagnostics) {
	now := e.Now
	if now.IsZero() {
		now = time.Now()
	}
	prov := e.Provenance(now)
	type result struct {
		checked, affected bool
		matches           int
		diags             source.Diagnostics
		err               error
	}
	results := make([]result, len(rs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range max(1, min(runtime.GOMAXPROCS(0), len(rs))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i] = e.enrichOne(rs[i], now)
			}
		}()
	}
	for i, r := range rs {
		if ctx.Err() != nil {
			break
		}
		if r.Kind == resource.Package {
			next <- i
		}
	}
	close(next)
	wg.Wait()
	var diags source.Diagnostics
	for _, res := range results {
		if res.err != nil {
			return scan.Extension{Name: ExtensionName, Value: prov}, append(diags, source.Errorf(nil, "advisory index", "%v", res.err))
		}
		diags = append(diags, res.diags...)
		if res.checked {
			prov.Packages++
		}
		if res.affected {
			prov.Affected++
		}
		prov.Matches += res.matches
	}
	if prov.Packages == 0 {
		return scan.Extension{}, diags // nothing was matched: no section in the report
	}
	return scan.Extension{Name: ExtensionName, Value: prov}, diags
}

// enrichOne matches one package resource and sets its attrs.advisories.
func (e *Enricher) enrichOne(r *resource.Resource, now time.Time) (res struct {
	checked, affected bool
	matches           int
	diags             source.Diagnostics
	err               error
}) {
	if r.Attrs == nil {
		r.Attrs = map[string]any{}
	}
	eco, _ := r.Attrs["ecosystem"].(string)
	name, _ := r.Attrs["name"].(string)
	version, _ := r.Attrs["version"].(string)
	r.Attrs["advisories"] = []any{}
	if eco == "" || name == "" || version == "" {
		return res
	}
	res.checked = true
	ms, undetermined, err := e.DB.Match(ecosystem.FromOSV(eco), name, version)
	if err != nil {
		res.err = err
		return res
	}
	for _, u := range undetermined {
		rng := r.Range
		res.diags = append(res.diags, source.Warningf(&rng, "advisory not evaluated", "%s %s: %s", name, version, u))
	}
	if len(ms) == 0 {
		return res
	}
	list := make([]any, len(ms))
	for i, m := range ms {
		list[i] = m.attrs()
	}
	r.Attrs["advisories"] = list
	res.affected, res.matches = true, len(ms)
	return res
}

// Provenance describes the advisory data of the enricher's DB as of now.
func (e *Enricher) Provenance(now time.Time) Provenance {
	p := Provenance{BuiltinOnly: e.DB.Index == nil, Sources: []SourceReport{}}
	if e.DB.Index != nil {
		p.Index = e.DB.Index.Dir
		for _, s := range e.DB.Index.Manifest.Sources {
			p.Sources = append(p.Sources, SourceReport{Name: s.Path, Records: s.Records, ImportedAt: s.ImportedAt, Newest: s.Newest})
		}
		p.ImportedAt = e.DB.Index.Manifest.UpdatedAt
	}
	if e.DB.Builtin != nil {
		newest := e.DB.Builtin.Newest()
		p.Sources = append(p.Sources, SourceReport{Name: SourceBuiltin, Records: len(e.DB.Builtin.Records), ImportedAt: newest, Newest: newest})
		if p.BuiltinOnly {
			p.ImportedAt = newest
		}
	}
	if !p.ImportedAt.IsZero() {
		p.AgeDays = max(0, int(math.Floor(now.Sub(p.ImportedAt).Hours()/24)))
	}
	return p
}

// attrs is how a match is presented to policies (plain JSON values).
func (m Match) attrs() map[string]any {
	v := m.Vuln
	aliases := make([]any, 0, len(v.Aliases))
	for _, a := range v.Aliases {
		aliases = append(aliases, a)
	}
	fixed := make([]any, 0, len(m.Verdict.Fixed))
	for _, f := range m.Verdict.Fixed {
		fixed = append(fixed, f)
	}
	out := map[string]any{
		"id":              v.ID,
		"aliases":         aliases,
		"cve":             v.CVE(),
		"summary":         v.Summary,
		"severity":        m.Severity,
		"fixed":           fixed,
		"last_affected":   m.Verdict.LastAffected,
		"fix_date":        m.FixDate,
		"fix_date_source": m.FixDateSource,
		"known_exploited": m.KnownExploited,
		"kev_date_added":  m.KEVDateAdded,
		"modified":        v.Modified.UTC().Format(time.RFC3339),
		"source":          m.Source,
		"url":             advisoryURL(v),
	}
	if v.Published != nil {
		out["published"] = v.Published.UTC().Format(time.RFC3339)
	}
	if m.Vector != "" {
		out["cvss"] = m.Vector
		out["score"] = m.Score
	}
	return out
}

// advisoryURL returns the record's first ADVISORY reference, else its
// page on osv.dev.
func advisoryURL(v *Vulnerability) string {
	for _, r := range v.References {
		if r.Type == "ADVISORY" {
			return r.URL
		}
	}
	return "https://osv.dev/vulnerability/" + v.ID
}
