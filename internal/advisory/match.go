package advisory

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/onus-project/onus/internal/ecosystem"
)

// Verdict is whether one affected entry covers a version, and why.
type Verdict struct {
	Affected bool
	// Fixed lists the fix versions that apply to the version: the first
	// fixed event above it in each range that covers it.
	Fixed []string
	// LastAffected is the last affected version of a covering range that
	// names no fix.
	LastAffected string
	// Undetermined explains why a range could not be evaluated (a version
	// that does not parse under the ecosystem's ordering). A range that
	// cannot be evaluated never marks a version unaffected silently: the
	// caller reports it.
	Undetermined []string
}

// Evaluate applies OSV's evaluation algorithm (schema "Evaluation") to one
// affected entry: a version is affected when it is listed in versions or
// lies in any range. Events are sorted by the ecosystem's ordering before
// they are walked, so records whose events are out of order evaluate the
// same as sorted ones.
func Evaluate(a *Affected, version string) Verdict {
	eco := ecosystem.FromOSV(a.Package.Ecosystem)
	var out Verdict
	for _, v := range a.Versions {
		if v == version {
			out.Affected = true
			break
		}
	}
	if !out.Affected && len(a.Versions) > 0 {
		if ord := OrderingFor(eco, RangeEcosystem); ord != nil {
			for _, v := range a.Versions {
				if c, err := Compare(ord, v, version); err == nil && c == 0 {
					out.Affected = true
					break
				}
			}
		}
	}
	for _, r := range a.Ranges {
		if r.Type == RangeGit {
			continue // needs the repository's commit graph; the versions list covers it
		}
		ord := OrderingFor(eco, r.Type)
		if ord == nil {
			out.Undetermined = append(out.Undetermined, fmt.Sprintf("no %s ordering for ecosystem %q", strings.ToLower(r.Type), a.Package.Ecosystem))
			continue
		}
		hit, fix, last, err := inRange(ord, r.Events, version)
		if err != nil {
			out.Undetermined = append(out.Undetermined, err.Error())
			continue
		}
		if hit {
			out.Affected = true
			if fix != "" && !slices.Contains(out.Fixed, fix) {
				out.Fixed = append(out.Fixed, fix)
			}
			if fix == "" && last != "" {
				out.LastAffected = last
			}
		}
	}
	return out
}

// event is a parsed event: its kind and version.
type event struct {
	kind    byte // 'i' introduced, 'l' last_affected, 'f' fixed, 'x' limit
	version string
}

func (e Event) parsed() event {
	switch {
	case e.Introduced != "":
		return event{'i', e.Introduced}
	case e.LastAffected != "":
		return event{'l', e.LastAffected}
	case e.Fixed != "":
		return event{'f', e.Fixed}
	default:
		return event{'x', e.Limit}
	}
}

// rank orders events of equal version: an introduction before a last
// affected version before a fix, so [1.0, 1.0) is empty and
// introduced 1.0 / last_affected 1.0 covers exactly 1.0.
func rank(k byte) int {
	switch k {
	case 'i':
		return 0
	case 'l':
		return 1
	case 'f':
		return 2
	}
	return 3
}

// inRange walks a range's events in version order. It returns whether v is
// covered, the first fix above v and the last affected version. Each
// version string is parsed once.
func inRange(ord Ordering, events []Event, v string) (hit bool, fix, last string, err error) {
	parsed := map[string]Version{}
	parse := func(s string) (Version, error) {
		if pv, ok := parsed[s]; ok {
			return pv, nil
		}
		pv, err := ord.Parse(s)
		if err != nil {
			return nil, err
		}
		parsed[s] = pv
		return pv, nil
	}
	pv, err := parse(v)
	if err != nil {
		return false, "", "", err
	}
	type pevent struct {
		event
		v Version // nil for introduced "0"
	}
	evs := make([]pevent, 0, len(events))
	var limits []Version
	unlimited := false
	for _, e := range events {
		pe := e.parsed()
		if pe.kind == 'x' && strings.Contains(pe.version, "*") {
			unlimited = true
			continue
		}
		var ver Version
		if !(pe.kind == 'i' && pe.version == "0") {
			if ver, err = parse(pe.version); err != nil {
				return false, "", "", fmt.Errorf("cannot order the range's events: %w", err)
			}
		}
		if pe.kind == 'x' {
			limits = append(limits, ver)
			continue
		}
		evs = append(evs, pevent{pe, ver})
	}
	cmp := func(a, b Version) int {
		switch {
		case a == nil && b == nil:
			return 0
		case a == nil:
			return -1
		case b == nil:
			return 1
		}
		return a.Compare(b)
	}
	sort.SliceStable(evs, func(i, j int) bool {
		if c := cmp(evs[i].v, evs[j].v); c != 0 {
			return c < 0
		}
		return rank(evs[i].kind) < rank(evs[j].kind)
	})
	if len(limits) > 0 && !unlimited {
		below := false
		for _, l := range limits {
			if pv.Compare(l) < 0 {
				below = true
				break
			}
		}
		if !below {
			return false, "", "", nil
		}
	}
	for i, e := range evs {
		c := cmp(pv, e.v)
		switch e.kind {
		case 'i':
			if c >= 0 {
				hit, fix, last = true, "", ""
				// the fix of this interval is the next fixed event
				for _, n := range evs[i+1:] {
					if n.kind == 'f' {
						fix = n.version
						break
					}
					if n.kind == 'l' {
						last = n.version
						break
					}
					if n.kind == 'i' {
						break
					}
				}
			}
		case 'f':
			if c >= 0 {
				hit = false
			}
		case 'l':
			if c > 0 {
				hit = false
			}
		}
	}
	if !hit {
		fix, last = "", ""
	}
	return hit, fix, last, nil
}
