package compliance

import (
	"bufio"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"strings"
)

// FormatNames lists the output formats of onus compliance, sorted.
func FormatNames() []string { return []string{"html", "json", "text"} }

// Write writes an assessment in a format (text, json or html).
func Write(w io.Writer, a *Assessment, format string) error {
	switch format {
	case "text":
		return writeText(w, a)
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(a)
	case "html":
		return page.Execute(w, a)
	}
	return fmt.Errorf("unknown format %q (want one of %s)", format, strings.Join(FormatNames(), ", "))
}

func writeText(w io.Writer, a *Assessment) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%s %s (%s)\n", a.Framework.Name, a.Framework.Version, a.Framework.ID)
	if a.Framework.Scope != "" {
		fmt.Fprintf(bw, "catalog: %s\n", a.Framework.Scope)
	}
	fmt.Fprintln(bw)
	section := ""
	for _, c := range a.Controls {
		if c.Section != section {
			section = c.Section
			fmt.Fprintf(bw, "%s\n", section)
		}
		detail := ""
		switch c.Status {
		case Failing, Passing:
			detail = fmt.Sprintf("%d passed, %d failed", c.Passed, c.Failed)
			if c.Waived > 0 {
				detail += fmt.Sprintf(", %d waived", c.Waived)
			}
			detail += " · " + strings.Join(c.Policies, ", ")
		case NotCovered:
			if len(c.Policies) > 0 {
				detail = c.Reason
			}
		}
		title := c.Title
		if len([]rune(title)) > 90 {
			title = string([]rune(title)[:89]) + "…"
		}
		line := fmt.Sprintf("  %-12s %-9s %s", strings.ToUpper(string(c.Status)), c.ID, title)
		if detail != "" {
			line += "\n               " + detail
		}
		fmt.Fprintln(bw, line)
	}
	fmt.Fprintln(bw)
	for _, u := range a.Unknown {
		fmt.Fprintf(bw, "warning: %s maps to %s %s, which the catalog does not list\n", u.Policy, a.Framework.ID, u.Control)
	}
	var parts []string
	for _, s := range Statuses {
		parts = append(parts, fmt.Sprintf("%d %s", a.Summary[s], s))
	}
	fmt.Fprintf(bw, "%d controls: %s\n", len(a.Controls), strings.Join(parts, ", "))
	return bw.Flush()
}

var page = template.Must(template.New("compliance").Funcs(template.FuncMap{
	"join": strings.Join,
	"color": func(s Status) string {
		return map[Status]string{Failing: "#d73027", Passing: "#1a9850", NotCovered: "#fee08b", Provider: "#d9d9d9"}[s]
	},
	"ink": func(s Status) string {
		if s == Failing || s == Passing {
			return "#ffffff"
		}
		return "#1a1a1a"
	},
	"statuses": func(m map[Status]int) []struct {
		S Status
		N int
	} {
		var out []struct {
			S Status
			N int
		}
		for _, s := range Statuses {
			out = append(out, struct {
				S Status
				N int
			}{s, m[s]})
		}
		return out
	},
}).Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>onus — {{.Framework.Name}} {{.Framework.Version}}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;margin:2rem;color:#1a1a1a;max-width:1200px}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border:1px solid #ddd;padding:.35rem .6rem;text-align:left;vertical-align:top}
th{background:#f4f4f4}
tr.section td{background:#fafafa;font-weight:600}
.status{border-radius:3px;padding:.1rem .4rem;font-weight:600;white-space:nowrap}
.summary span{margin-right:1rem}
code{font-size:.85rem}
.muted{color:#555}
</style>
</head>
<body>
<h1>{{.Framework.Name}} {{.Framework.Version}}</h1>
<p class="muted">{{join .Roots ", "}}{{if .Framework.Scope}} · catalog: {{.Framework.Scope}}{{end}}</p>
<p class="summary">{{range statuses .Summary}}<span><span class="status" style="background:{{color .S}};color:{{ink .S}}">{{.S}}</span> {{.N}}</span>{{end}}</p>
<table>
<thead><tr><th>Control</th><th>Title</th><th>Owner</th><th>Status</th><th>Policies</th><th>Passed</th><th>Failed</th><th>Notes</th></tr></thead>
<tbody>
{{$section := ""}}{{range .Controls}}{{if ne .Section $section}}{{$section = .Section}}<tr class="section"><td colspan="8">{{.Section}}</td></tr>
{{end}}<tr><td><code>{{.ID}}</code></td><td>{{.Title}}</td><td>{{.Owner}}</td><td><span class="status" style="background:{{color .Status}};color:{{ink .Status}}">{{.Status}}</span></td><td>{{range $i, $p := .Policies}}{{if $i}}, {{end}}<code>{{$p}}</code>{{else}}—{{end}}</td><td>{{.Passed}}</td><td>{{.Failed}}</td><td class="muted">{{.Reason}}</td></tr>
{{end}}</tbody>
</table>
</body>
</html>
`))
