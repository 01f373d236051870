package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/onus-project/onus/internal/finding"
	"github.com/onus-project/onus/internal/source"
)

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
		fmt.Fprintf(bw, "%s: %s\n", label, d.String())
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
			fmt.Fprintf(bw, "  %-9s %s (%s) %s: %s\n", g.Kind, g.Service, g.ServiceModel, g.Layer, g.Message)
		}
		fmt.Fprintln(bw)
	}
	fmt.Fprintln(bw, t.summary(r))
	return bw.Flush()
}

func (t *Text) finding(w io.Writer, r *Report, f *finding.Finding) {
	status := ""
	if f.Status == finding.Waived {
		status = " " + t.c(ansiDim, "(waived)")
	}
	fmt.Fprintf(w, "    %s %s %s%s\n", t.sev(f.Severity), t.c(ansiBold, f.Rule), f.Title, status)
	loc := f.Location.File
	if f.Location.StartLine > 0 {
		loc = fmt.Sprintf("%s:%d", loc, f.Location.StartLine)
	}
	fmt.Fprintf(w, "      %s  %s\n", t.c(ansiBold, loc), f.Resource.Address)
	fmt.Fprintf(w, "      %s\n", f.Message)
	if f.Location.StartLine > 0 && !t.Quiet {
		for i, line := range r.Files.Lines(f.Location.File, f.Location.StartLine, f.Location.StartLine) {
			fmt.Fprintf(w, "      %s\n", t.c(ansiDim, fmt.Sprintf("%4d | %s", f.Location.StartLine+i, strings.TrimRight(line, "\r"))))
		}
	}
	fmt.Fprintf(w, "      %s %s (%s) · layer %s · owner %s · team %s\n", t.c(ansiDim, "service"), f.Service, f.ServiceModel, f.Layer, f.Owner, TeamName(f.Team))
	if f.Remediation != "" && !t.Quiet {
		fix := strings.Join(strings.Fields(f.Remediation), " ")
		fmt.Fprintf(w, "      %s %s\n", t.c(ansiDim, "fix:"), fix)
	}
	if f.Waiver != nil {
		fmt.Fprintf(w, "      %s %s\n", t.c(ansiDim, "waived:"), f.Waiver.Reason)
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
	line := fmt.Sprintf("%s%s in %d resources from %d files, %d policies",
		plural(s.Failed, "finding"), counts, s.Resources, s.Files, s.Policies)
	if len(owners) > 0 {
		line += "; owners: " + strings.Join(owners, ", ")
	}
	if s.Waived > 0 {
		line += fmt.Sprintf("; %d waived", s.Waived)
	}
	if s.Gaps > 0 {
		line += "; " + plural(s.Gaps, "gap")
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
	return fmt.Sprintf("%d %ss", n, word)
}
