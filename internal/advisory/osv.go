// Package advisory reads vulnerability advisories in the OSV schema
// (https://ossf.github.io/osv-schema/), keeps them in a local index, ships
// a built-in set of known-exploited library vulnerabilities, and matches
// packages against them with each ecosystem's own version ordering.
package advisory

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Vulnerability is one OSV record. Fields onus does not use are kept in
// the raw JSON of the index but not decoded.
type Vulnerability struct {
	SchemaVersion    string         `json:"schema_version,omitempty"`
	ID               string         `json:"id"`
	Modified         time.Time      `json:"modified"`
	Published        *time.Time     `json:"published,omitempty"`
	Withdrawn        *time.Time     `json:"withdrawn,omitempty"`
	Aliases          []string       `json:"aliases,omitempty"`
	Related          []string       `json:"related,omitempty"`
	Summary          string         `json:"summary,omitempty"`
	Details          string         `json:"details,omitempty"`
	Severity         []Severity     `json:"severity,omitempty"`
	Affected         []Affected     `json:"affected,omitempty"`
	References       []Reference    `json:"references,omitempty"`
	DatabaseSpecific map[string]any `json:"database_specific,omitempty"`
}

// Severity is a scored severity (CVSS vector).
type Severity struct {
	Type  string `json:"type"`
	Score string `json:"score"`
}

// Package names an affected package.
type Package struct {
	Ecosystem string `json:"ecosystem"`
	Name      string `json:"name"`
	Purl      string `json:"purl,omitempty"`
}

// Affected lists the affected versions of one package.
type Affected struct {
	Package           Package        `json:"package"`
	Severity          []Severity     `json:"severity,omitempty"`
	Ranges            []Range        `json:"ranges,omitempty"`
	Versions          []string       `json:"versions,omitempty"`
	EcosystemSpecific map[string]any `json:"ecosystem_specific,omitempty"`
	DatabaseSpecific  map[string]any `json:"database_specific,omitempty"`
}

// Range types.
const (
	RangeSemver    = "SEMVER"
	RangeEcosystem = "ECOSYSTEM"
	RangeGit       = "GIT"
)

// Range is a timeline of events under one version ordering.
type Range struct {
	Type             string         `json:"type"`
	Repo             string         `json:"repo,omitempty"`
	Events           []Event        `json:"events"`
	DatabaseSpecific map[string]any `json:"database_specific,omitempty"`
}

// Event is one change of status. Exactly one field is set.
type Event struct {
	Introduced   string `json:"introduced,omitempty"`
	Fixed        string `json:"fixed,omitempty"`
	LastAffected string `json:"last_affected,omitempty"`
	Limit        string `json:"limit,omitempty"`
}

// Reference is a link about the vulnerability.
type Reference struct {
	Type string `json:"type"`
	URL  string `json:"url"`
}

// MaxRecordSize bounds one OSV record.
const MaxRecordSize = 4 << 20

// Parse decodes one OSV record and checks what matching relies on: an id,
// a modified time, and for each affected package an ecosystem, a name and
// ranges whose events carry exactly one version each.
func Parse(b []byte) (*Vulnerability, error) {
	if len(b) > MaxRecordSize {
		return nil, fmt.Errorf("record larger than %d bytes", MaxRecordSize)
	}
	var v Vulnerability
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("decode OSV: %w", cleanJSONError(err))
	}
	if err := v.Validate(); err != nil {
		return nil, err
	}
	return &v, nil
}

// Validate checks a record's structure.
func (v *Vulnerability) Validate() error {
	if strings.TrimSpace(v.ID) == "" {
		return errors.New("OSV record without an id")
	}
	if v.Modified.IsZero() {
		return fmt.Errorf("%s: modified is required", v.ID)
	}
	for i, a := range v.Affected {
		if a.Package.Ecosystem == "" || a.Package.Name == "" {
			if len(a.Ranges) > 0 && a.Ranges[0].Type == RangeGit {
				continue // a source repository, not a package
			}
			return fmt.Errorf("%s: affected[%d]: package ecosystem and name are required", v.ID, i)
		}
		for j, r := range a.Ranges {
			switch r.Type {
			case RangeSemver, RangeEcosystem, RangeGit:
			default:
				return fmt.Errorf("%s: affected[%d].ranges[%d]: unknown type %q", v.ID, i, j, r.Type)
			}
			intro := false
			for k, e := range r.Events {
				n := 0
				for _, s := range []string{e.Introduced, e.Fixed, e.LastAffected, e.Limit} {
					if s != "" {
						n++
					}
				}
				if n != 1 {
					return fmt.Errorf("%s: affected[%d].ranges[%d].events[%d]: want exactly one of introduced, fixed, last_affected, limit", v.ID, i, j, k)
				}
				intro = intro || e.Introduced != ""
			}
			if !intro {
				return fmt.Errorf("%s: affected[%d].ranges[%d]: no introduced event", v.ID, i, j)
			}
		}
	}
	return nil
}

// cleanJSONError keeps the offset of syntax errors in the message.
func cleanJSONError(err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("%v (at byte %d)", se, se.Offset)
	}
	return err
}

// Aliases returns the record's CVE and GHSA identifiers, its own id first.
func (v *Vulnerability) IDs() []string {
	out := []string{v.ID}
	for _, a := range v.Aliases {
		if a != v.ID {
			out = append(out, a)
		}
	}
	return out
}

// CVE returns the first CVE identifier among the id and aliases, or "".
func (v *Vulnerability) CVE() string {
	for _, id := range v.IDs() {
		if strings.HasPrefix(id, "CVE-") {
			return id
		}
	}
	return ""
}
