package report

import (
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/onus-project/onus/internal/finding"
)

// HTML writes one self-contained page: the responsibility matrix as a
// heat-map, findings grouped owner → layer → severity with filters, code
// around each finding's line, remediation, gaps and diagnostics. Its CSS
// and script are inlined and pinned by a Content-Security-Policy that
// allows nothing else, so the page loads no resource from anywhere and
// works offline.
type HTML struct {
	Options
}

var _ Writer = (*HTML)(nil)

//go:embed assets/report.html.tmpl assets/report.css assets/report.js
var assets embed.FS

// snippetContext is how many lines are shown before and after a finding.
const snippetContext = 3

type htmlAssets struct {
	tmpl *template.Template
	css  string
	js   string
}

var loadHTMLAssets = sync.OnceValues(func() (*htmlAssets, error) {
	css, err := assets.ReadFile("assets/report.css")
	if err != nil {
		return nil, err
	}
	js, err := assets.ReadFile("assets/report.js")
	if err != nil {
		return nil, err
	}
	t, err := template.New("report.html.tmpl").Funcs(template.FuncMap{
		"upper": func(s any) string { return strings.ToUpper(fmt.Sprint(s)) },
		"team":  TeamName,
		"ownerHeading": func(o finding.Owner) string {
			if h, ok := ownerHeadings[o]; ok {
				return h
			}
			return string(o)
		},
		"loc":    locString,
		"plural": plural,
	}).ParseFS(assets, "assets/report.html.tmpl")
	if err != nil {
		return nil, fmt.Errorf("parse html template: %w", err)
	}
	return &htmlAssets{tmpl: t, css: string(css), js: string(js)}, nil
})

type htmlView struct {
	Title       string
	Tool        Tool
	Generated   string
	Roots       string
	Summary     Summary
	Severities  []htmlCount
	Layers      []finding.Layer
	Matrix      matrixView
	Owners      []htmlOwner
	Gaps        []Gap
	Diagnostics []Diagnostic
	Teams       []string
	Services    []string
	Total       int
	CSS         template.CSS
	JS          template.JS
	CSP         string
}

type htmlCount struct {
	Name  string
	Count int
}

type htmlOwner struct {
	Owner  finding.Owner
	Count  int
	Layers []htmlLayer
}

type htmlLayer struct {
	Layer      finding.Layer
	Count      int
	Severities []htmlSeverity
}

type htmlSeverity struct {
	Severity finding.Severity
	Findings []htmlFinding
}

type htmlFinding struct {
	finding.Finding
	N        int
	Controls []string
	Snippet  []htmlLine
	Fix      string
}

type htmlLine struct {
	N    int
	Text string
	Hit  bool
}

// Write implements Writer.
func (h *HTML) Write(w io.Writer, r *Report) error {
	a, err := loadHTMLAssets()
	if err != nil {
		return err
	}
	v := htmlView{
		Title:       "onus report",
		Tool:        r.Tool,
		Roots:       strings.Join(r.Roots, ", "),
		Summary:     r.Summary,
		Layers:      finding.Layers,
		Matrix:      buildMatrix(r, h.model()),
		Gaps:        r.Gaps,
		Diagnostics: r.Diagnostics,
		Teams:       teams(r.Findings),
		Total:       len(r.Findings),
		CSS:         template.CSS(a.css),
		JS:          template.JS(a.js),
		CSP: "default-src 'none'; img-src data:; style-src " + cspHash(a.css) +
			"; script-src " + cspHash(a.js) + "; base-uri 'none'; form-action 'none'",
	}
	if v.Roots != "" {
		v.Title = "onus report: " + v.Roots
	}
	if !r.GeneratedAt.IsZero() {
		v.Generated = r.GeneratedAt.UTC().Format(time.RFC3339)
	}
	for _, s := range finding.Severities {
		v.Severities = append(v.Severities, htmlCount{Name: string(s), Count: r.Summary.BySeverity[s]})
	}
	services := map[string]bool{}
	for _, f := range r.Findings {
		services[f.Service] = true
	}
	for _, row := range v.Matrix.Rows {
		services[row.Service] = true
	}
	for s := range services {
		v.Services = append(v.Services, s)
	}
	sort.Strings(v.Services)

	n := 0
	for _, g := range groupFindings(r.Findings) {
		if len(v.Owners) == 0 || v.Owners[len(v.Owners)-1].Owner != g.Owner {
			v.Owners = append(v.Owners, htmlOwner{Owner: g.Owner})
		}
		o := &v.Owners[len(v.Owners)-1]
		if len(o.Layers) == 0 || o.Layers[len(o.Layers)-1].Layer != g.Layer {
			o.Layers = append(o.Layers, htmlLayer{Layer: g.Layer})
		}
		l := &o.Layers[len(o.Layers)-1]
		sev := htmlSeverity{Severity: g.Severity}
		for _, f := range g.Findings {
			n++
			sev.Findings = append(sev.Findings, htmlFindingOf(r, f, n))
		}
		o.Count += len(g.Findings)
		l.Count += len(g.Findings)
		l.Severities = append(l.Severities, sev)
	}
	return a.tmpl.Execute(w, v)
}

func htmlFindingOf(r *Report, f finding.Finding, n int) htmlFinding {
	hf := htmlFinding{Finding: f, N: n, Fix: strings.TrimSpace(f.Remediation)}
	fws := make([]string, 0, len(f.Controls))
	for fw := range f.Controls {
		fws = append(fws, fw)
	}
	sort.Strings(fws)
	for _, fw := range fws {
		hf.Controls = append(hf.Controls, fw+" "+strings.Join(f.Controls[fw], ", "))
	}
	hf.Snippet = snippet(r, f.Location)
	return hf
}

// snippet returns the lines around a location, the located ones marked.
// A long range (a whole resource) marks only its first line.
func snippet(r *Report, loc finding.Location) []htmlLine {
	if loc.StartLine < 1 {
		return nil
	}
	end := max(loc.EndLine, loc.StartLine)
	if end-loc.StartLine > 2*snippetContext {
		end = loc.StartLine
	}
	from := max(1, loc.StartLine-snippetContext)
	lines := r.Files.Lines(loc.File, from, end+snippetContext)
	out := make([]htmlLine, 0, len(lines))
	for i, text := range lines {
		ln := from + i
		out = append(out, htmlLine{N: ln, Text: strings.TrimRight(text, "\r"), Hit: ln >= loc.StartLine && ln <= end})
	}
	// drop trailing empty lines (the end of the file)
	for len(out) > 0 && !out[len(out)-1].Hit && strings.TrimSpace(out[len(out)-1].Text) == "" {
		out = out[:len(out)-1]
	}
	return out
}

// cspHash is the Content-Security-Policy source that allows exactly one
// inline script or style.
func cspHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}
