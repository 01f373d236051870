// Package waiver marks findings as waived: by inline comments written in the
// resource (# onus:ignore RULE exp:YYYY-MM-DD reason) and by a waiver file
// (rule, resource pattern, reason, approver, ticket, expiry). Waived findings
// stay in the report with status waived and the waiver that waived them.
// Expired waivers stop suppressing and are reported; waivers that match no
// finding are reported as stale. docs/waivers.md documents both.
package waiver

import (
	"fmt"
	"strings"
	"time"

	"github.com/onus-project/onus/internal/finding"
	"github.com/onus-project/onus/internal/resource"
	"github.com/onus-project/onus/internal/source"
)

// DateLayout is how expiry dates are written.
const DateLayout = "2006-01-02"

// Entry describes one waiver in the report's waivers section.
type Entry struct {
	// Source is "inline" or "file".
	Source string   `json:"source"`
	File   string   `json:"file"`
	Line   int      `json:"line"`
	Rules  []string `json:"rules"`
	// Resource is the address glob of a file waiver, or the address of the
	// resource an inline waiver is written in.
	Resource string `json:"resource,omitempty"`
	Path     string `json:"path,omitempty"`
	Reason   string `json:"reason,omitempty"`
	Approver string `json:"approver,omitempty"`
	Ticket   string `json:"ticket,omitempty"`
	Expires  string `json:"expires,omitempty"`
	// Matched counts the findings the waiver matched (waived, or for an
	// expired waiver, would have waived).
	Matched int `json:"matched"`
}

// Outcome lists the waivers that need attention.
type Outcome struct {
	// Expired waivers no longer suppress anything.
	Expired []Entry `json:"expired"`
	// Stale waivers matched no finding: the problem is fixed or the
	// pattern is wrong; delete or correct them.
	Stale []Entry `json:"stale"`
}

// expired reports whether a waiver expiring on exp (valid through that
// whole day) has expired at now.
func expired(exp time.Time, now time.Time) bool {
	return !now.Before(exp.AddDate(0, 0, 1))
}

// Apply waives findings by the inline waivers of their resources and by the
// waiver file (nil for none). Inline waivers are tried first. It returns the
// expired and stale waivers, and a warning for each.
func Apply(fs []finding.Finding, byID map[string]*resource.Resource, file *File, now time.Time) (Outcome, source.Diagnostics) {
	out := Outcome{Expired: []Entry{}, Stale: []Entry{}}
	var diags source.Diagnostics

	// inline
	type inline struct {
		r       *resource.Resource
		s       resource.Suppression
		exp     *time.Time
		expired bool
		matched int
	}
	var inlines []*inline
	byRes := map[*resource.Resource][]*inline{}
	seen := map[*resource.Resource]bool{}
	for _, r := range byID {
		if seen[r] {
			continue
		}
		seen[r] = true
		for _, s := range r.Suppressions {
			rng := s.Range
			if len(s.Rules) == 0 {
				diags = append(diags, source.Warningf(&rng, "inline waiver names no rule", "write # %s RULE-ID reason", resource.SuppressionMarker))
				continue
			}
			in := &inline{r: r, s: s}
			if s.Expires != "" {
				exp, err := time.Parse(DateLayout, s.Expires)
				if err != nil {
					diags = append(diags, source.Warningf(&rng, "inline waiver has a bad expiry", "exp:%s is not YYYY-MM-DD; the waiver is ignored", s.Expires))
					continue
				}
				in.exp, in.expired = &exp, expired(exp, now)
			}
			inlines = append(inlines, in)
			byRes[r] = append(byRes[r], in)
		}
	}
	for i := range fs {
		f := &fs[i]
		if f.Status == finding.Waived {
			continue
		}
		for _, in := range byRes[byID[f.ResourceID]] {
			if !in.s.Matches(f.Rule) {
				continue
			}
			in.matched++
			if in.expired {
				continue
			}
			f.Status = finding.Waived
			f.Waiver = &finding.Waiver{Source: "inline", Reason: in.s.Reason, Expires: in.exp, File: in.s.Range.Filename, Line: in.s.Range.Start.Line}
			break
		}
	}
	for _, in := range inlines {
		e := Entry{Source: "inline", File: in.s.Range.Filename, Line: in.s.Range.Start.Line, Rules: in.s.Rules,
			Resource: in.r.Address, Reason: in.s.Reason, Expires: in.s.Expires, Matched: in.matched}
		rng := in.s.Range
		switch {
		case in.expired:
			out.Expired = append(out.Expired, e)
			diags = append(diags, source.Warningf(&rng, "inline waiver expired",
				"the waiver of %s expired on %s; %s reported again", strings.Join(in.s.Rules, ","), in.s.Expires, findingsWord(in.matched)))
		case in.matched == 0:
			out.Stale = append(out.Stale, e)
			diags = append(diags, source.Warningf(&rng, "stale inline waiver",
				"no finding of %s on %s; delete the waiver", strings.Join(in.s.Rules, ","), in.r.Address))
		}
	}

	// file
	if file != nil {
		o, ds := file.apply(fs, now)
		out.Expired = append(out.Expired, o.Expired...)
		out.Stale = append(out.Stale, o.Stale...)
		diags = append(diags, ds...)
	}
	return out, diags
}

func findingsWord(n int) string {
	switch n {
	case 0:
		return "it matches no finding now"
	case 1:
		return "1 finding is"
	}
	return fmt.Sprintf("%d findings are", n)
}
