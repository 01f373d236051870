package report

import (
	"bufio"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/onus-project/onus/internal/finding"
	"github.com/onus-project/onus/internal/source"
)

// TextSummarizer is implemented by report extensions that add a line above
// the text report's summary (the advisory data a scan used, for example).
type TextSummarizer interface {
	TextSummary() string
}

// Text writes findings grouped by owner, then layer, for a terminal.
type Text struct {
	Options
}

var _ Writer = (*Text)(nil)

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiBlue   = "\x1b[34m"
	ansiCyan   = "\x1b[36m"
	ansiMag    = "\x1b[35m"
)

func (t *Text) c(code, s string) string {
	if !t.Color {
		return s
	}
	return code + s + ansiReset
}

func (t *Text) sev(s finding.Severity) string {
	label := strings.ToUpper(string(s))
	switch s {
	case finding.Critical:
		return t.c(ansiBold+ansiMag, label)
	case finding.High:
		return t.c(ansiBold+ansiRed, label)
	case finding.Medium:
		return t.c(ansiYellow, label)
	default:
		return t.c(ansiBlue, label)
	}
}

// Write implements Writer.
func (t *Text) Write(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	for _, d := range r.Diagnostics {
		if t.Quiet && d.Severity != source.Error {
			continue
		}
		label := t.c(ansiRed, "error")
		if d.Severity != source.Error {
			label = t.c(ansiYellow, "warning")
		}
		fmt.Fprintf(bw, "%s: %s\n", label, Printable(d.String()))
	}
	if len(r.Diagnostics) > 0 && !t.Quiet {
		fmt.Fprintln(bw)
	}
	for _, owner := range finding.Owners {
		var group []*finding.Finding // pointers: a report can hold many thousands
		for i := range r.Findings {
			if f := &r.Findings[i]; f.Owner == owner && (f.Status == finding.Fail || !t.Quiet) {
				group = append(group, f)
			}
		}
		if len(group) == 0 {
			continue
		}
		heading := map[finding.Owner]string{
			finding.Customer: "CUSTOMER — yours to fix",
			finding.Shared:   "SHARED — your half of a split layer",
			finding.Provider: "PROVIDER — the provider's layer; tracked, not yours to fix",
		}[owner]
		fmt.Fprintf(bw, "%s\n", t.c(ansiBold, heading))
		for _, layer := range finding.Layers {
			var inLayer []*finding.Finding
			for _, f := range group {
				if f.Layer == layer {
					inLayer = append(inLayer, f)
				}
			}
			if len(inLayer) == 0 {
				continue
			}
			fmt.Fprintf(bw, "\n  %s %s\n", t.c(ansiCyan, "▸"), t.c(ansiBold+ansiCyan, string(layer)))
			for _, f := range inLayer {
				t.finding(bw, r, f)
			}
		}
		fmt.Fprintln(bw)
	}
	if !t.Quiet && len(r.Gaps) > 0 {
		fmt.Fprintf(bw, "%s\n", t.c(ansiBold, "GAPS — owned layers nobody is handling"))
		for _, g := range r.Gaps {
			fmt.Fprintf(bw, "  %-9s %s (%s) %s, team %s: %s\n", g.Kind, Printable(g.Service), g.ServiceModel, g.Layer, Printable(TeamName(g.Team)), Printable(g.Message))
		}
		fmt.Fprintln(bw)
	}
	if !t.Quiet && len(r.Waivers.Expired)+len(r.Waivers.Stale) > 0 {
		fmt.Fprintf(bw, "%s\n", t.c(ansiBold, "WAIVERS — expired or stale"))
		for _, e := range r.Waivers.Expired {
			fmt.Fprintf(bw, "  expired   %s:%d %s on %s (expired %s, %d matching)\n", Printable(e.File), e.Line, Printable(strings.Join(e.Rules, ",")), Printable(orDash(e.Resource+e.Path)), e.Expires, e.Matched)
		}
		for _, e := range r.Waivers.Stale {
			fmt.Fprintf(bw, "  stale     %s:%d %s on %s matches no finding\n", Printable(e.File), e.Line, Printable(strings.Join(e.Rules, ",")), Printable(orDash(e.Resource+e.Path)))
		}
		fmt.Fprintln(bw)
	}
	for _, name := range slices.Sorted(maps.Keys(r.Extensions)) {
		if s, ok := r.Extensions[name].(TextSummarizer); ok {
			fmt.Fprintln(bw, s.TextSummary())
		}
	}
	fmt.Fprintln(bw, t.summary(r))
	return bw.Flush()
}

func (t *Text) finding(w io.Writer, r *Report, f *finding.Finding) {
	status := ""
	if f.Status == finding.Waived {
		status = " " + t.c(ansiDim, "(waived)")
	} else if f.Baseline {
		status = " " + t.c(ansiDim, "(baseline)")
	}
	fmt.Fprintf(w, "    %s %s %s%s\n", t.sev(f.Severity), t.c(ansiBold, Printable(f.Rule)), Printable(f.Title), status)
	loc := Printable(locString(f.Location))
	fmt.Fprintf(w, "      %s  %s\n", t.c(ansiBold, loc), Printable(f.Resource.Address))
	fmt.Fprintf(w, "      %s\n", Printable(f.Message))
	if f.Location.StartLine > 0 && !t.Quiet {
		for i, line := range r.Files.Lines(f.Location.File, f.Location.StartLine, f.Location.StartLine) {
			fmt.Fprintf(w, "      %s\n", t.c(ansiDim, fmt.Sprintf("%4d | %s", f.Location.StartLine+i, Printable(strings.TrimRight(line, "\r")))))
		}
	}
	fmt.Fprintf(w, "      %s %s (%s) · layer %s · owner %s · team %s\n", t.c(ansiDim, "service"), Printable(f.Service), f.ServiceModel, f.Layer, f.Owner, Printable(TeamName(f.Team)))
	if f.Remediation != "" && !t.Quiet {
		fix := strings.Join(strings.Fields(f.Remediation), " ")
		fmt.Fprintf(w, "      %s %s\n", t.c(ansiDim, "fix:"), Printable(fix))
	}
	if f.Waiver != nil {
		fmt.Fprintf(w, "      %s %s\n", t.c(ansiDim, "waived:"), Printable(f.Waiver.Reason))
	}
}

func (t *Text) summary(r *Report) string {
	s := r.Summary
	var parts []string
	for _, sev := range finding.Severities {
		if n := s.BySeverity[sev]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, sev))
		}
	}
	counts := ""
	if len(parts) > 0 {
		counts = " (" + strings.Join(parts, ", ") + ")"
	}
	var owners []string
	for _, o := range finding.Owners {
		if n := s.ByOwner[o]; n > 0 {
			owners = append(owners, fmt.Sprintf("%d %s", n, o))
		}
	}
	line := fmt.Sprintf("%s%s in %s from %s, %s",
		plural(s.Failed, "finding"), counts, plural(s.Resources, "resource"), plural(s.Files, "file"), plural(s.Policies, "policy"))
	if len(owners) > 0 {
		line += "; owners: " + strings.Join(owners, ", ")
	}
	if s.ProviderOwned > 0 {
		line += fmt.Sprintf("; %d provider-owned", s.ProviderOwned)
	}
	if s.Waived > 0 {
		line += fmt.Sprintf("; %d waived", s.Waived)
	}
	if s.Baseline > 0 {
		line += fmt.Sprintf("; %d in the baseline", s.Baseline)
	}
	if s.Gaps > 0 {
		var kinds []string
		for _, k := range []string{"failing", "unowned", "uncovered"} {
			if n := s.GapsByKind[k]; n > 0 {
				kinds = append(kinds, fmt.Sprintf("%d %s", n, k))
			}
		}
		line += "; " + plural(s.Gaps, "gap") + " (" + strings.Join(kinds, ", ") + ")"
	}
	if n := s.ExpiredWaivers + s.StaleWaivers; n > 0 {
		line += fmt.Sprintf("; waivers: %d expired, %d stale", s.ExpiredWaivers, s.StaleWaivers)
	}
	if s.Undetermined > 0 {
		line += fmt.Sprintf("; %d undetermined (unknown until apply)", s.Undetermined)
	}
	if s.Errors > 0 {
		line += "; " + plural(s.Errors, "input error")
	}
	return t.c(ansiBold, line)
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	if strings.HasSuffix(word, "y") {
		return fmt.Sprintf("%d %sies", n, strings.TrimSuffix(word, "y"))
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// Printable shows control characters (escape sequences that would drive a
// terminal, carriage returns, line breaks) as visible Go escapes, so text
// from scanned files cannot rewrite a terminal or forge report lines.
func Printable(s string) string {
	clean := true
	for _, r := range s {
		if isControl(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if isControl(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isControl reports C0 controls but tab, DEL and C1 controls.
func isControl(r rune) bool {
	return (r < 0x20 && r != '\t') || r == 0x7f || (r >= 0x80 && r < 0xa0)
}
