// Package waiver marks findings as waived: by inline comments written in the
// resource (# onus:ignore RULE reason) and, with expiry dates, by a waiver
// file. Expired waivers stop suppressing and are reported.
package waiver

import (
	"time"

	"github.com/onus-project/onus/internal/finding"
	"github.com/onus-project/onus/internal/resource"
	"github.com/onus-project/onus/internal/source"
)

// DateLayout is how expiry dates are written.
const DateLayout = "2006-01-02"

// ApplyInline waives findings whose resource carries a matching inline
// suppression. A suppression past its expiry does not waive and yields a
// warning; one without a rule yields a warning.
func ApplyInline(fs []finding.Finding, byID map[string]*resource.Resource, now time.Time) source.Diagnostics {
	var diags source.Diagnostics
	reported := map[*resource.Resource]bool{}
	for _, r := range byID {
		if reported[r] {
			continue
		}
		reported[r] = true
		for _, s := range r.Suppressions {
			rng := s.Range
			if len(s.Rules) == 0 {
				diags = append(diags, source.Warningf(&rng, "inline waiver names no rule", "write # %s RULE-ID reason", resource.SuppressionMarker))
			}
			if s.Expires != "" {
				if _, err := time.Parse(DateLayout, s.Expires); err != nil {
					diags = append(diags, source.Warningf(&rng, "inline waiver has a bad expiry", "exp:%s is not YYYY-MM-DD", s.Expires))
				}
			}
		}
	}
	expiredSeen := map[source.Range]bool{}
	for i := range fs {
		f := &fs[i]
		if f.Status == finding.Waived {
			continue
		}
		r := byID[f.ResourceID]
		if r == nil {
			continue
		}
		for _, s := range r.Suppressions {
			if !s.Matches(f.Rule) {
				continue
			}
			w := &finding.Waiver{Source: "inline", Reason: s.Reason}
			if s.Expires != "" {
				exp, err := time.Parse(DateLayout, s.Expires)
				if err != nil {
					continue
				}
				// a waiver is valid through the whole day it expires on
				if !now.Before(exp.AddDate(0, 0, 1)) {
					if !expiredSeen[s.Range] {
						expiredSeen[s.Range] = true
						rng := s.Range
						diags = append(diags, source.Warningf(&rng, "inline waiver expired", "the waiver of %s expired on %s; the finding is reported again", f.Rule, s.Expires))
					}
					continue
				}
				w.Expires = &exp
			}
			f.Status = finding.Waived
			f.Waiver = w
			break
		}
	}
	return diags
}
