package report

import (
	"bufio"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/onus-project/onus/internal/finding"
	"github.com/onus-project/onus/internal/ownership"
)

// NewMatrixFormats returns the formats of the estate matrix (onus matrix):
// a text table, JSON, and an SVG or self-contained HTML heat-map.
func NewMatrixFormats() Formats {
	return Formats{
		"text": func(o Options) Writer { return &MatrixText{Options: o} },
		"json": func(Options) Writer { return MatrixJSON{} },
		"svg":  func(Options) Writer { return MatrixSVG{} },
		"html": func(Options) Writer { return MatrixHTML{} },
	}
}

func estateOf(r *Report) *ownership.Estate {
	if r.Matrix == nil {
		return &ownership.Estate{Services: []ownership.ServiceRow{}}
	}
	return r.Matrix
}

// MatrixJSON writes {"services": [...], "gaps": [...]}: the report's
// matrix section and its gaps.
type MatrixJSON struct{}

// Write implements Writer.
func (MatrixJSON) Write(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(struct {
		Services []ownership.ServiceRow `json:"services"`
		Gaps     []Gap                  `json:"gaps"`
	}{estateOf(r).Services, r.Gaps})
}

// MatrixText writes one table per service: each layer's owner, team,
// policies, pass/fail counts and status, then the gaps.
type MatrixText struct{ Options }

var _ Writer = (*MatrixText)(nil)

// Write implements Writer.
func (t *MatrixText) Write(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	tx := &Text{Options: t.Options}
	est := estateOf(r)
	if len(est.Services) == 0 {
		fmt.Fprintln(bw, "no service of the catalog is in use in this estate")
	}
	teamW := len("TEAM")
	for _, s := range est.Services {
		for _, c := range s.Layers {
			teamW = max(teamW, len(strings.Join(c.Teams, ",")))
		}
	}
	for _, s := range est.Services {
		fmt.Fprintf(bw, "%s — %s (%s, %s, %s)\n", tx.c(ansiBold, s.Service), s.Name, s.Provider, s.ServiceModel, plural(s.Resources, "resource"))
		fmt.Fprintf(bw, "  %-24s %-9s %-*s %5s %5s  %-10s %s\n", "LAYER", "OWNER", teamW, "TEAM", "PASS", "FAIL", "STATUS", "POLICIES")
		for _, c := range s.Layers {
			team := orDash(strings.Join(c.Teams, ","))
			pols := orDash(strings.Join(c.Policies, ","))
			fmt.Fprintf(bw, "  %-24s %-9s %-*s %5d %5d  %s %s\n", c.Layer, c.Owner, teamW, team, c.Passed, c.Failed, t.status(tx, c.Status), pols)
		}
		fmt.Fprintln(bw)
	}
	if len(r.Gaps) > 0 {
		fmt.Fprintln(bw, tx.c(ansiBold, "GAPS — owned layers nobody is handling"))
		for _, g := range r.Gaps {
			fmt.Fprintf(bw, "  %-9s %s %s (%s, team %s): %s\n", g.Kind, g.Service, g.Layer, g.Owner, TeamName(g.Team), g.Message)
		}
		fmt.Fprintln(bw)
	}
	counts := map[ownership.Status]int{}
	for _, s := range est.Services {
		for _, c := range s.Layers {
			counts[c.Status]++
		}
	}
	var parts []string
	for _, st := range ownership.Statuses {
		if counts[st] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[st], st))
		}
	}
	fmt.Fprintf(bw, "%s in use; layers: %s; %s\n", plural(len(est.Services), "service"), strings.Join(parts, ", "), plural(len(r.Gaps), "gap"))
	return bw.Flush()
}

func (t *MatrixText) status(tx *Text, s ownership.Status) string {
	label := fmt.Sprintf("%-10s", s)
	switch s {
	case ownership.StatusFailing:
		return tx.c(ansiRed, label)
	case ownership.StatusUnowned, ownership.StatusUncovered:
		return tx.c(ansiYellow, label)
	case ownership.StatusProvider:
		return tx.c(ansiDim, label)
	}
	return label
}

// statusColors are the heat-map colours (a colour-blind-safe diverging
// scale: red failing, orange unowned, yellow uncovered, green passing, grey
// provider).
var statusColors = map[ownership.Status]string{
	ownership.StatusFailing:   "#d73027",
	ownership.StatusUnowned:   "#fc8d59",
	ownership.StatusUncovered: "#fee08b",
	ownership.StatusPassing:   "#1a9850",
	ownership.StatusProvider:  "#d9d9d9",
}

var statusText = map[ownership.Status]string{
	ownership.StatusFailing:   "#ffffff",
	ownership.StatusUnowned:   "#1a1a1a",
	ownership.StatusUncovered: "#1a1a1a",
	ownership.StatusPassing:   "#ffffff",
	ownership.StatusProvider:  "#4d4d4d",
}

const (
	svgLabelW = 260
	svgCellW  = 144
	svgCellH  = 46
	svgHeadH  = 56
	svgLegH   = 40
)

// MatrixSVG writes the estate matrix as an SVG heat-map: a row per service,
// a column per layer, each cell coloured by status and labelled with owner,
// team and pass/fail counts; hovering a cell shows its policies.
type MatrixSVG struct{}

// Write implements Writer.
func (MatrixSVG) Write(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	writeSVG(bw, estateOf(r))
	return bw.Flush()
}

func writeSVG(w io.Writer, est *ownership.Estate) {
	e := template.HTMLEscapeString
	width := svgLabelW + svgCellW*len(finding.Layers) + 20
	height := svgHeadH + svgCellH*max(1, len(est.Services)) + svgLegH + 20
	fmt.Fprintf(w, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif" role="img" aria-label="Responsibility matrix">`+"\n", width, height, width, height)
	fmt.Fprintf(w, `<title>Responsibility matrix: who owns and handles each layer of each service</title>`+"\n")
	fmt.Fprintf(w, `<rect width="%d" height="%d" fill="#ffffff"/>`+"\n", width, height)
	for i, l := range finding.Layers {
		x := svgLabelW + i*svgCellW + svgCellW/2
		name := string(l)
		if first, rest, ok := strings.Cut(name, "-"); ok && len(name) > 16 {
			fmt.Fprintf(w, `<text x="%d" y="%d" font-size="12" font-weight="600" text-anchor="middle" fill="#222">%s-<tspan x="%d" dy="14">%s</tspan></text>`+"\n", x, svgHeadH-26, e(first), x, e(rest))
			continue
		}
		fmt.Fprintf(w, `<text x="%d" y="%d" font-size="12" font-weight="600" text-anchor="middle" fill="#222">%s</text>`+"\n", x, svgHeadH-12, e(name))
	}
	if len(est.Services) == 0 {
		fmt.Fprintf(w, `<text x="10" y="%d" font-size="13" fill="#444">No service of the catalog is in use in this estate.</text>`+"\n", svgHeadH+svgCellH/2)
	}
	for row, s := range est.Services {
		y := svgHeadH + row*svgCellH
		fmt.Fprintf(w, `<text x="10" y="%d" font-size="13" font-weight="600" fill="#222">%s</text>`+"\n", y+20, e(s.Name))
		fmt.Fprintf(w, `<text x="10" y="%d" font-size="11" fill="#555">%s · %s · %s</text>`+"\n", y+36, e(s.Provider), e(string(s.ServiceModel)), e(plural(s.Resources, "resource")))
		for col, c := range s.Layers {
			x := svgLabelW + col*svgCellW
			fill, ink := statusColors[c.Status], statusText[c.Status]
			label := string(c.Owner) + " · " + truncate(orDash(c.Team), 12)
			switch {
			case c.Owner == finding.Provider:
				label = "provider"
			case c.Team == "":
				label = string(c.Owner) + " · no team"
			}
			tip := fmt.Sprintf("%s / %s: %s, owner %s, team %s, %d passed, %d failed, policies: %s",
				s.Service, c.Layer, c.Status, c.Owner, TeamName(strings.Join(c.Teams, ",")), c.Passed, c.Failed, orDash(strings.Join(c.Policies, ", ")))
			fmt.Fprintf(w, `<g class="cell status-%s"><title>%s</title>`, e(string(c.Status)), e(tip))
			fmt.Fprintf(w, `<rect x="%d" y="%d" width="%d" height="%d" rx="4" fill="%s" stroke="#ffffff" stroke-width="2"/>`, x+1, y+1, svgCellW-2, svgCellH-2, fill)
			fmt.Fprintf(w, `<text x="%d" y="%d" font-size="11" font-weight="600" text-anchor="middle" fill="%s">%s</text>`, x+svgCellW/2, y+19, ink, e(label))
			counts := string(c.Status)
			if c.Passed+c.Failed > 0 {
				counts = fmt.Sprintf("%d✓ %d✗", c.Passed, c.Failed)
			}
			fmt.Fprintf(w, `<text x="%d" y="%d" font-size="11" text-anchor="middle" fill="%s">%s</text></g>`+"\n", x+svgCellW/2, y+35, ink, e(counts))
		}
	}
	ly := svgHeadH + svgCellH*max(1, len(est.Services)) + 24
	for i, st := range ownership.Statuses {
		x := 10 + i*130
		fmt.Fprintf(w, `<rect x="%d" y="%d" width="14" height="14" rx="2" fill="%s" stroke="#999" stroke-width="0.5"/><text x="%d" y="%d" font-size="12" fill="#222">%s</text>`+"\n", x, ly-11, statusColors[st], x+20, ly, e(string(st)))
	}
	fmt.Fprintln(w, `</svg>`)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// MatrixHTML writes a self-contained HTML page: the SVG heat-map, a table
// per service and the gaps. It loads nothing from the network.
type MatrixHTML struct{}

var matrixPage = template.Must(template.New("matrix").Funcs(template.FuncMap{
	"join":  strings.Join,
	"color": func(s ownership.Status) string { return statusColors[s] },
	"ink":   func(s ownership.Status) string { return statusText[s] },
	"team":  TeamName,
}).Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>onus — responsibility matrix</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;margin:2rem;color:#1a1a1a;max-width:1400px}
h1{font-size:1.5rem;margin-bottom:.25rem}
.meta{color:#555;margin-top:0}
.heat{overflow-x:auto;margin:1.5rem 0}
table{border-collapse:collapse;margin:.5rem 0 2rem;font-size:.9rem}
th,td{border:1px solid #ddd;padding:.35rem .6rem;text-align:left;vertical-align:top}
th{background:#f4f4f4}
td.num{text-align:right}
.status{border-radius:3px;padding:.1rem .4rem;font-weight:600}
code{font-size:.85rem}
</style>
</head>
<body>
<h1>Responsibility matrix</h1>
<p class="meta">{{.Roots}} · generated {{.Generated}} · {{len .Services}} services · {{len .Gaps}} gaps</p>
<div class="heat">{{.SVG}}</div>
{{range .Services}}
<h2>{{.Name}} <small>({{.Service}}, {{.Provider}}, {{.ServiceModel}}, {{.Resources}} {{if eq .Resources 1}}resource{{else}}resources{{end}})</small></h2>
<table>
<thead><tr><th>Layer</th><th>Owner</th><th>Team</th><th>Policies</th><th>Passed</th><th>Failed</th><th>Status</th></tr></thead>
<tbody>
{{range .Layers}}<tr><td>{{.Layer}}</td><td>{{.Owner}}</td><td>{{if .Teams}}{{join .Teams ", "}}{{else}}—{{end}}</td><td>{{range $i, $p := .Policies}}{{if $i}}, {{end}}<code>{{$p}}</code>{{else}}—{{end}}</td><td class="num">{{.Passed}}</td><td class="num">{{.Failed}}</td><td><span class="status" style="background:{{color .Status}};color:{{ink .Status}}">{{.Status}}</span></td></tr>
{{end}}</tbody>
</table>
{{end}}
{{if .Gaps}}
<h2>Gaps — owned layers nobody is handling</h2>
<table>
<thead><tr><th>Kind</th><th>Service</th><th>Layer</th><th>Owner</th><th>Team</th><th>Message</th></tr></thead>
<tbody>
{{range .Gaps}}<tr><td>{{.Kind}}</td><td>{{.Service}}</td><td>{{.Layer}}</td><td>{{.Owner}}</td><td>{{team .Team}}</td><td>{{.Message}}</td></tr>
{{end}}</tbody>
</table>
{{end}}
</body>
</html>
`))

// Write implements Writer.
func (MatrixHTML) Write(w io.Writer, r *Report) error {
	var svg strings.Builder
	est := estateOf(r)
	writeSVG(&svg, est)
	return matrixPage.Execute(w, map[string]any{
		"Roots":     strings.Join(r.Roots, ", "),
		"Generated": r.GeneratedAt.Format("2006-01-02 15:04 UTC"),
		"Services":  est.Services,
		"Gaps":      r.Gaps,
		"SVG":       template.HTML(svg.String()), // built above with every text escaped
	})
}
