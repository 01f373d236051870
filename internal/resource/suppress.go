package resource

import (
	"strings"

	"github.com/onus-project/onus/internal/source"
)

// SuppressionMarker starts an inline suppression comment:
//
//	# onus:ignore ONUS-K8S-001 the sidecar needs it until the next release
//	# onus:ignore ONUS-K8S-001,ONUS-K8S-002 exp:2027-01-31 reason
//
// The rule may be "*" for every rule. An optional exp:YYYY-MM-DD token sets
// an expiry. The rest of the line is the reason.
const SuppressionMarker = "onus:ignore"

// SuppressionAnnotation carries inline waivers in a Kubernetes object's
// metadata.annotations, where objects that arrive as JSON (at admission)
// have no comments. Each line of its value is written like the text after
// the comment marker:
//
//	onus.dev/ignore: "ONUS-K8S-001 exp:2027-01-31 the sidecar needs it"
const SuppressionAnnotation = "onus.dev/ignore"

// Suppression is an inline waiver written in a comment inside (or just above)
// a resource.
type Suppression struct {
	Rules   []string     `json:"rules"`
	Reason  string       `json:"reason,omitempty"`
	Expires string       `json:"expires,omitempty"` // YYYY-MM-DD as written; validated by the waiver package
	Range   source.Range `json:"range"`
}

// ParseSuppression reads an inline suppression from one comment's text
// (with or without its comment marker). ok is false when the comment is not
// a suppression.
func ParseSuppression(comment string, rng source.Range) (Suppression, bool) {
	i := strings.Index(comment, SuppressionMarker)
	if i < 0 {
		return Suppression{}, false
	}
	rest := strings.TrimSpace(comment[i+len(SuppressionMarker):])
	rest = strings.TrimPrefix(rest, ":")
	rest = strings.TrimPrefix(rest, "=")
	fields := strings.Fields(rest)
	if len(fields) == 0 {
		return Suppression{Range: rng}, true // no rule named; the waiver package reports it
	}
	s := Suppression{Range: rng}
	for _, r := range strings.Split(fields[0], ",") {
		if r = strings.TrimSpace(r); r != "" {
			s.Rules = append(s.Rules, r)
		}
	}
	var reason []string
	for _, f := range fields[1:] {
		if e, ok := strings.CutPrefix(f, "exp:"); ok && s.Expires == "" {
			s.Expires = e
			continue
		}
		reason = append(reason, f)
	}
	s.Reason = strings.TrimSuffix(strings.TrimSpace(strings.Join(reason, " ")), "*/")
	s.Reason = strings.TrimSpace(s.Reason)
	return s, true
}

// Matches reports whether the suppression names rule.
func (s Suppression) Matches(rule string) bool {
	for _, r := range s.Rules {
		if r == "*" || strings.EqualFold(r, rule) {
			return true
		}
	}
	return false
}
