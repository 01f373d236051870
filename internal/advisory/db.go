package advisory

import (
	"embed"
	"fmt"
	"io/fs"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	cvss30 "github.com/pandatix/go-cvss/30"
	cvss31 "github.com/pandatix/go-cvss/31"
	cvss40 "github.com/pandatix/go-cvss/40"

	"github.com/onus-project/onus/internal/ecosystem"
)

// Set is an in-memory collection of records indexed by ecosystem and
// normalised package name.
type Set struct {
	Records []*Vulnerability
	byKey   map[string]map[string][]*Vulnerability
}

// NewSet indexes records.
func NewSet(vs []*Vulnerability) *Set {
	s := &Set{Records: vs, byKey: map[string]map[string][]*Vulnerability{}}
	for _, v := range vs {
		seen := map[string]bool{}
		for _, a := range v.Affected {
			if a.Package.Name == "" {
				continue
			}
			eco := ecosystem.FromOSV(a.Package.Ecosystem)
			n := ecosystem.NormalizeName(eco, a.Package.Name)
			if seen[eco+"\x00"+n] {
				continue
			}
			seen[eco+"\x00"+n] = true
			if s.byKey[eco] == nil {
				s.byKey[eco] = map[string][]*Vulnerability{}
			}
			s.byKey[eco][n] = append(s.byKey[eco][n], v)
		}
	}
	return s
}

// Lookup returns the records that affect a package.
func (s *Set) Lookup(eco, name string) ([]*Vulnerability, error) {
	return s.byKey[eco][ecosystem.NormalizeName(eco, name)], nil
}

// Newest returns the newest modified time of the set.
func (s *Set) Newest() time.Time {
	var t time.Time
	for _, v := range s.Records {
		if v.Modified.After(t) {
			t = v.Modified
		}
	}
	return t
}

//go:embed builtin/*.json
var builtinFS embed.FS

// Builtin returns the advisory set embedded in onus: library
// vulnerabilities known to be exploited in the wild. It is parsed once; an
// error is a defect of onus (tests assert there is none).
var Builtin = sync.OnceValues(func() (*Set, error) {
	var vs []*Vulnerability
	err := fs.WalkDir(builtinFS, "builtin", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := builtinFS.ReadFile(p)
		if err != nil {
			return err
		}
		v, err := Parse(b)
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		vs = append(vs, v)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("built-in advisories: %w", err)
	}
	sort.Slice(vs, func(i, j int) bool { return vs[i].ID < vs[j].ID })
	return NewSet(vs), nil
})

// Source names.
const (
	SourceBuiltin = "builtin"
	SourceIndex   = "index"
)

// DB answers which advisories affect a package, from the built-in set and
// an optional imported index. It is safe for concurrent use.
type DB struct {
	Builtin *Set
	// Index may be nil (only the built-in set is used).
	Index *Index
}

// Match is one advisory that affects a package version.
type Match struct {
	Vuln    *Vulnerability
	Source  string
	Verdict Verdict
	// Severity is critical, high, medium or low ("" when the record
	// carries none).
	Severity string
	// Score is the CVSS base score when the record has a vector.
	Score  float64
	Vector string
	// KnownExploited marks vulnerabilities exploited in the wild (CISA
	// KEV); KEVDateAdded is when KEV listed it.
	KnownExploited bool
	KEVDateAdded   string
	// FixDate is when the fix was released (YYYY-MM-DD); FixDateSource
	// says whether the record states it ("advisory") or it is the date
	// the advisory was published ("published"), onus's stand-in.
	FixDate       string
	FixDateSource string
}

// Match returns the advisories affecting version of a package, and the
// reasons some could not be evaluated. Records present in both sources
// (same id or a shared alias) are reported once, from the index, with the
// built-in set's exploitation and fix-date facts.
func (db *DB) Match(eco, name, version string) ([]Match, []string, error) {
	var out []Match
	var undetermined []string
	type src struct {
		name string
		look func(string, string) ([]*Vulnerability, error)
	}
	var srcs []src
	if db.Index != nil {
		srcs = append(srcs, src{SourceIndex, db.Index.Lookup})
	}
	if db.Builtin != nil {
		srcs = append(srcs, src{SourceBuiltin, db.Builtin.Lookup})
	}
	var builtinHits []*Vulnerability
	for _, s := range srcs {
		vs, err := s.look(eco, name)
		if err != nil {
			return nil, nil, err
		}
		for _, v := range vs {
			if v.Withdrawn != nil {
				continue
			}
			if s.name == SourceBuiltin {
				builtinHits = append(builtinHits, v)
			}
			m, ok, und := matchRecord(v, eco, name, version)
			for _, u := range und {
				undetermined = append(undetermined, v.ID+": "+u)
			}
			if !ok {
				continue
			}
			m.Source = s.name
			if dup := findSame(out, v); dup >= 0 {
				continue // the index's record wins; facts merged below
			}
			out = append(out, m)
		}
	}
	// carry the built-in set's facts to the index's copies
	for i := range out {
		if out[i].Source != SourceIndex {
			continue
		}
		for _, b := range builtinHits {
			if !sameVuln(out[i].Vuln, b) {
				continue
			}
			if kev, date := knownExploited(b); kev && !out[i].KnownExploited {
				out[i].KnownExploited, out[i].KEVDateAdded = true, date
			}
			if out[i].FixDateSource != "advisory" {
				if d := fixDate(b, out[i].Verdict.Fixed); d != "" {
					out[i].FixDate, out[i].FixDateSource = d, "advisory"
				}
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Vuln.ID < out[j].Vuln.ID })
	return out, undetermined, nil
}

func findSame(ms []Match, v *Vulnerability) int {
	for i, m := range ms {
		if sameVuln(m.Vuln, v) {
			return i
		}
	}
	return -1
}

// sameVuln reports whether two records describe one vulnerability: the
// same id or a shared alias.
func sameVuln(a, b *Vulnerability) bool {
	for _, x := range a.IDs() {
		if slices.Contains(b.IDs(), x) {
			return true
		}
	}
	return false
}

func matchRecord(v *Vulnerability, eco, name, version string) (Match, bool, []string) {
	key := ecosystem.NormalizeName(eco, name)
	m := Match{Vuln: v}
	var und []string
	hit := false
	for i := range v.Affected {
		a := &v.Affected[i]
		if ecosystem.FromOSV(a.Package.Ecosystem) != eco || ecosystem.NormalizeName(eco, a.Package.Name) != key {
			continue
		}
		vd := Evaluate(a, version)
		und = append(und, vd.Undetermined...)
		if !vd.Affected {
			continue
		}
		hit = true
		m.Verdict.Affected = true
		for _, f := range vd.Fixed {
			if !slices.Contains(m.Verdict.Fixed, f) {
				m.Verdict.Fixed = append(m.Verdict.Fixed, f)
			}
		}
		if vd.LastAffected != "" {
			m.Verdict.LastAffected = vd.LastAffected
		}
		if m.Severity == "" {
			m.Severity, m.Score, m.Vector = severityOf(v, a)
		}
	}
	if !hit {
		return m, false, und
	}
	m.KnownExploited, m.KEVDateAdded = knownExploited(v)
	if d := fixDate(v, m.Verdict.Fixed); d != "" {
		m.FixDate, m.FixDateSource = d, "advisory"
	} else if len(m.Verdict.Fixed) > 0 {
		t := v.Modified
		if v.Published != nil {
			t = *v.Published
		}
		m.FixDate, m.FixDateSource = t.UTC().Format(time.DateOnly), "published"
	}
	return m, true, und
}

// knownExploited reads database_specific.known_exploited and
// kev_date_added.
func knownExploited(v *Vulnerability) (bool, string) {
	kev, _ := v.DatabaseSpecific["known_exploited"].(bool)
	date, _ := v.DatabaseSpecific["kev_date_added"].(string)
	return kev, date
}

// fixDate returns the earliest release date that database_specific.fix_dates
// gives for the fixed versions (version → YYYY-MM-DD).
func fixDate(v *Vulnerability, fixed []string) string {
	dates, _ := v.DatabaseSpecific["fix_dates"].(map[string]any)
	best := ""
	for _, f := range fixed {
		d, _ := dates[f].(string)
		if d == "" {
			continue
		}
		if _, err := time.Parse(time.DateOnly, d); err != nil {
			continue
		}
		if best == "" || d < best {
			best = d
		}
	}
	return best
}

// severityOf returns the severity of a record for one affected entry: the
// database's own rating (GitHub's CRITICAL/HIGH/MODERATE/LOW) when given,
// else the rating of the highest CVSS base score.
func severityOf(v *Vulnerability, a *Affected) (string, float64, string) {
	score, vector := -1.0, ""
	for _, s := range append(slices.Clone(a.Severity), v.Severity...) {
		if sc, ok := cvssScore(s); ok && sc > score {
			score, vector = sc, s.Score
		}
	}
	for _, ds := range []map[string]any{a.DatabaseSpecific, a.EcosystemSpecific, v.DatabaseSpecific} {
		if s, ok := ds["severity"].(string); ok {
			if r := rating(s); r != "" {
				return r, max(score, 0), vector
			}
		}
	}
	if score < 0 {
		return "", 0, ""
	}
	switch {
	case score >= 9:
		return "critical", score, vector
	case score >= 7:
		return "high", score, vector
	case score >= 4:
		return "medium", score, vector
	}
	return "low", score, vector
}

func rating(s string) string {
	switch strings.ToUpper(strings.TrimSpace(s)) {
	case "CRITICAL":
		return "critical"
	case "HIGH":
		return "high"
	case "MODERATE", "MEDIUM":
		return "medium"
	case "LOW":
		return "low"
	}
	return ""
}

func cvssScore(s Severity) (float64, bool) {
	var score float64
	switch {
	case strings.HasPrefix(s.Score, "CVSS:3.1/"):
		c, err := cvss31.ParseVector(s.Score)
		if err != nil {
			return 0, false
		}
		score = c.BaseScore()
	case strings.HasPrefix(s.Score, "CVSS:3.0/"):
		c, err := cvss30.ParseVector(s.Score)
		if err != nil {
			return 0, false
		}
		score = c.BaseScore()
	case strings.HasPrefix(s.Score, "CVSS:4.0/"):
		c, err := cvss40.ParseVector(s.Score)
		if err != nil {
			return 0, false
		}
		score = c.Score()
	default:
		return 0, false
	}
	return math.Round(score*10) / 10, true
}
