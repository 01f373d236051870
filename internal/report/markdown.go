package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/onus-project/onus/internal/finding"
	"github.com/onus-project/onus/internal/policydoc"
	"github.com/onus-project/onus/internal/source"
)

// Markdown writes a compact summary for pull-request comments: counts by
// owner, layer and severity, the top findings, gaps, and collapsible
// details (the responsibility matrix, every finding, diagnostics). All
// text from the scanned files and policies is escaped.
type Markdown struct {
	Options
}

var _ Writer = (*Markdown)(nil)

// MarkdownMarker opens every Markdown report, so a CI job can find and
// update its previous comment instead of adding another.
const MarkdownMarker = "<!-- onus-report -->"

const (
	// mdTop is how many findings the top table shows.
	mdTop = 10
	// mdDetails caps the findings listed in the details, keeping a comment
	// well under the 65,536 characters GitHub accepts.
	mdDetails = 50
)

var sevMark = map[finding.Severity]string{
	finding.Critical: "🔴 critical",
	finding.High:     "🟠 high",
	finding.Medium:   "🟡 medium",
	finding.Low:      "🔵 low",
}

func sevLabel(s finding.Severity) string {
	if l, ok := sevMark[s]; ok {
		return l
	}
	return md(string(s))
}

func md(s string) string { return policydoc.Escape(s) }

// Write implements Writer.
func (m *Markdown) Write(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	s := r.Summary
	fmt.Fprintln(bw, MarkdownMarker)
	switch {
	case s.Failed == 0 && s.Errors == 0:
		fmt.Fprintf(bw, "## ✅ onus: no findings\n\n")
	case s.Failed == 0:
		fmt.Fprintf(bw, "## ⚠️ onus: no findings, but %s could not be read\n\n", plural(s.Errors, "input"))
	default:
		fmt.Fprintf(bw, "## ❌ onus: %s to handle\n\n", plural(s.Failed, "finding"))
	}
	fmt.Fprintf(bw, "%s\n\n", markdownSummaryLine(r))

	if s.Failed > 0 {
		fmt.Fprintln(bw, "| Owner | Critical | High | Medium | Low | Total |")
		fmt.Fprintln(bw, "|---|--:|--:|--:|--:|--:|")
		for _, o := range finding.Owners {
			m.countRow(bw, ownerHeadings[o], r.Findings, func(f finding.Finding) bool { return f.Owner == o })
		}
		fmt.Fprintln(bw)
		fmt.Fprintln(bw, "| Layer | Critical | High | Medium | Low | Total |")
		fmt.Fprintln(bw, "|---|--:|--:|--:|--:|--:|")
		for _, l := range finding.Layers {
			m.countRow(bw, string(l), r.Findings, func(f finding.Finding) bool { return f.Layer == l })
		}
		fmt.Fprintln(bw)

		failing := bySeverity(r.Failing(finding.Low))
		fmt.Fprintln(bw, "### Top findings")
		fmt.Fprintln(bw)
		fmt.Fprintln(bw, "| Severity | Rule | Where | Resource | Layer · owner | Message |")
		fmt.Fprintln(bw, "|---|---|---|---|---|---|")
		for i, f := range failing {
			if i == mdTop {
				break
			}
			fmt.Fprintf(bw, "| %s | `%s` | %s | %s | %s · %s | %s |\n", sevLabel(f.Severity), f.Rule, md(locString(f.Location)),
				md(f.Resource.Address), f.Layer, f.Owner, md(shorten(f.Message, 200)))
		}
		if len(failing) > mdTop {
			fmt.Fprintf(bw, "\n_%d more below._\n", len(failing)-mdTop)
		}
		fmt.Fprintln(bw)
	}

	if len(r.Gaps) > 0 {
		fmt.Fprintln(bw, "### Gaps: owned layers nobody is handling")
		fmt.Fprintln(bw)
		fmt.Fprintln(bw, "| Gap | Service | Layer | Owner | Team | Why |")
		fmt.Fprintln(bw, "|---|---|---|---|---|---|")
		for _, g := range r.Gaps {
			fmt.Fprintf(bw, "| %s | %s (%s) | %s | %s | %s | %s |\n", md(g.Kind), md(g.Service), g.ServiceModel, g.Layer, g.Owner, md(TeamName(g.Team)), md(g.Message))
		}
		fmt.Fprintln(bw)
	}

	if mv := buildMatrix(r, m.model()); len(mv.Rows) > 0 {
		fmt.Fprintln(bw, "<details><summary>Responsibility matrix</summary>")
		fmt.Fprintln(bw)
		fmt.Fprintln(bw, "Each cell: the layer's owner (**C** customer, **S** shared, **P** provider) and what the scan found there: ❌ failing findings, ✅ checks passed, ➖ waived, ⚠️ a gap, · not checked.")
		fmt.Fprintln(bw)
		header := "| Service | Model |"
		sep := "|---|---|"
		for _, l := range finding.Layers {
			header += " " + string(l) + " |"
			sep += ":-:|"
		}
		fmt.Fprintln(bw, header)
		fmt.Fprintln(bw, sep)
		for _, row := range mv.Rows {
			fmt.Fprintf(bw, "| %s | %s |", md(row.Name), row.Model)
			for _, c := range row.Cells {
				fmt.Fprintf(bw, " %s |", mdCell(c))
			}
			fmt.Fprintln(bw)
		}
		fmt.Fprintln(bw)
		fmt.Fprintln(bw, "</details>")
		fmt.Fprintln(bw)
	}

	if len(r.Findings) > 0 {
		fmt.Fprintf(bw, "<details><summary>All %s by owner and layer</summary>\n\n", plural(len(r.Findings), "finding"))
		shown := 0
		for _, g := range groupFindings(r.Findings) {
			if shown >= mdDetails {
				break
			}
			fmt.Fprintf(bw, "#### %s · %s · %s\n\n", md(string(g.Owner)), md(string(g.Layer)), sevLabel(g.Severity))
			for _, f := range g.Findings {
				if shown >= mdDetails {
					break
				}
				shown++
				status := ""
				if f.Status == finding.Waived {
					status = " _(waived"
					if f.Waiver != nil && f.Waiver.Reason != "" {
						status += ": " + md(f.Waiver.Reason)
					}
					status += ")_"
				}
				fmt.Fprintf(bw, "- `%s` **%s** at %s on %s%s  \n", f.Rule, md(f.Title), md(locString(f.Location)), md(f.Resource.Address), status)
				fmt.Fprintf(bw, "  %s  \n", md(f.Message))
				fmt.Fprintf(bw, "  service %s (%s) · team %s", md(f.Service), f.ServiceModel, md(TeamName(f.Team)))
				if f.Remediation != "" {
					fmt.Fprintf(bw, "  \n  Fix: %s", md(strings.Join(strings.Fields(f.Remediation), " ")))
				}
				fmt.Fprintln(bw)
			}
			fmt.Fprintln(bw)
		}
		if len(r.Findings) > shown {
			fmt.Fprintf(bw, "_%d more findings are in the full report (`onus scan --format html` or `--format sarif`)._\n\n", len(r.Findings)-shown)
		}
		fmt.Fprintln(bw, "</details>")
		fmt.Fprintln(bw)
	}

	if len(r.Diagnostics) > 0 {
		fmt.Fprintf(bw, "<details><summary>%s</summary>\n\n", plural(len(r.Diagnostics), "diagnostic"))
		for _, d := range r.Diagnostics {
			label := "warning"
			if d.Severity == source.Error {
				label = "**error**"
			}
			fmt.Fprintf(bw, "- %s: %s\n", label, md(d.String()))
		}
		fmt.Fprintln(bw)
		fmt.Fprintln(bw, "</details>")
		fmt.Fprintln(bw)
	}

	footer := fmt.Sprintf("%s %s · %s", nonEmpty(r.Tool.Name, "onus"), r.Tool.Version, Schema)
	if !r.GeneratedAt.IsZero() {
		footer += " · " + r.GeneratedAt.UTC().Format(time.RFC3339)
	}
	fmt.Fprintf(bw, "<sub>%s</sub>\n", md(footer))
	return bw.Flush()
}

func markdownSummaryLine(r *Report) string {
	s := r.Summary
	var parts []string
	for _, sev := range finding.Severities {
		if n := s.BySeverity[sev]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, sev))
		}
	}
	line := fmt.Sprintf("**%d failed**", s.Failed)
	if len(parts) > 0 {
		line += " (" + strings.Join(parts, ", ") + ")"
	}
	line += fmt.Sprintf(" · %d waived · %s · %s · %s over %s in %s",
		s.Waived, plural(s.Gaps, "gap"), plural(s.Errors, "input error"), plural(s.Policies, "policy"), plural(s.Resources, "resource"), plural(s.Files, "file"))
	if s.Undetermined > 0 {
		line += fmt.Sprintf(" · %d undetermined", s.Undetermined)
	}
	return line
}

func (m *Markdown) countRow(w io.Writer, label string, fs []finding.Finding, keep func(finding.Finding) bool) {
	counts := map[finding.Severity]int{}
	total := 0
	for _, f := range fs {
		if f.Status == finding.Fail && keep(f) {
			counts[f.Severity]++
			total++
		}
	}
	if total == 0 {
		return
	}
	fmt.Fprintf(w, "| %s |", md(label))
	for _, s := range finding.Severities {
		if counts[s] == 0 {
			fmt.Fprint(w, " · |")
		} else {
			fmt.Fprintf(w, " %d |", counts[s])
		}
	}
	fmt.Fprintf(w, " **%d** |\n", total)
}

func mdCell(c matrixCell) string {
	owner := map[finding.Owner]string{finding.Customer: "**C**", finding.Shared: "**S**", finding.Provider: "**P**"}[c.Owner]
	if owner == "" {
		owner = "?"
	}
	switch c.Status {
	case cellFailing:
		return fmt.Sprintf("%s ❌ %d", owner, c.Failed)
	case cellPassing:
		return fmt.Sprintf("%s ✅ %d", owner, c.Passed)
	case cellWaived:
		return owner + " ➖"
	case cellUnowned, cellUncovered:
		if c.Gap != "" {
			return owner + " ⚠️"
		}
	}
	return owner + " ·"
}

func locString(l finding.Location) string {
	if l.StartLine > 0 {
		return fmt.Sprintf("%s:%d", l.File, l.StartLine)
	}
	return l.File
}

// shorten cuts s to at most n runes, marking the cut.
func shorten(s string, n int) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n-1]) + "…"
}
