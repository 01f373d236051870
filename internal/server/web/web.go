// Package web is the dashboard: server-rendered pages (html/template, with
// templates and static assets embedded; no JavaScript, nothing loaded from
// elsewhere) over the same store queries as the API. Login takes an API
// token and starts a session cookie; forms carry CSRF tokens.
package web

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/onus-project/onus/internal/finding"
	"github.com/onus-project/onus/internal/server/api"
	"github.com/onus-project/onus/internal/server/auth"
	"github.com/onus-project/onus/internal/server/estate"
	"github.com/onus-project/onus/internal/store"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Options configure the dashboard. Store and Auth are required.
type Options struct {
	Store  store.Store
	Auth   *auth.Auth
	Logger *slog.Logger
}

// Web serves the dashboard.
type Web struct {
	opts  Options
	log   *slog.Logger
	pages map[string]*template.Template
}

// funcMap returns the template functions.
func funcMap() template.FuncMap {
	return template.FuncMap{
		"time":  func(t time.Time) string { return t.UTC().Format("2006-01-02 15:04 UTC") },
		"short": func(s string) string { return shorten(s, 10) },
		"join":  strings.Join,
		"team":  func(t string) string { return teamName(t) },
		"heat":  heat,
		"sev":   func(m map[finding.Severity]int, k string) int { return m[finding.Severity(k)] },
		"own":   func(m map[finding.Owner]int, k string) int { return m[finding.Owner(k)] },
		"firstline": func(s string) string {
			s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
			return s
		},
	}
}

// New parses the templates.
func New(opts Options) (*Web, error) {
	if opts.Store == nil || opts.Auth == nil {
		return nil, errors.New("web: Store and Auth are required")
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	w := &Web{opts: opts, log: opts.Logger.With("component", "web"), pages: map[string]*template.Template{}}
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	for _, n := range names {
		base := strings.TrimSuffix(strings.TrimPrefix(n, "templates/"), ".html")
		if base == "layout" || base == "chart" {
			continue
		}
		t, err := template.New("layout.html").Funcs(funcMap()).ParseFS(templateFS, "templates/layout.html", "templates/chart.html", n)
		if err != nil {
			return nil, fmt.Errorf("parse %s: %w", n, err)
		}
		w.pages[base] = t
	}
	return w, nil
}

// Mux is where routes are registered.
type Mux interface {
	Handle(pattern string, maxBody int64, h http.Handler)
}

// Register adds the dashboard's routes.
func (w *Web) Register(mux Mux) {
	view := func(h http.HandlerFunc) http.Handler { return w.opts.Auth.Session(store.Viewer, h) }
	mux.Handle("GET /login", 0, http.HandlerFunc(w.loginForm))
	mux.Handle("POST /login", 0, http.HandlerFunc(w.login))
	mux.Handle("POST /logout", 0, http.HandlerFunc(w.logout))
	mux.Handle("GET /static/", 0, http.FileServerFS(staticFS))
	mux.Handle("GET /{$}", 0, view(w.overview))
	mux.Handle("GET /findings", 0, view(w.findings))
	mux.Handle("GET /findings/{id}", 0, view(w.finding))
	mux.Handle("GET /reports", 0, view(w.reports))
	mux.Handle("GET /reports/{id}", 0, view(w.report))
	mux.Handle("GET /trends", 0, view(w.trends))
	mux.Handle("GET /decisions", 0, view(w.decisions))
}

// page is what every template gets.
type page struct {
	Title string
	Nav   string
	CSRF  string
	User  *store.Token
	Data  any
	Error string
}

func (w *Web) render(rw http.ResponseWriter, r *http.Request, code int, name string, p page) {
	p.CSRF = w.opts.Auth.CSRFToken(rw, r)
	p.User = auth.FromContext(r.Context())
	var buf bytes.Buffer
	if err := w.pages[name].Execute(&buf, p); err != nil {
		w.log.ErrorContext(r.Context(), "render", "page", name, "error", err)
		http.Error(rw, "internal error rendering the page", http.StatusInternalServerError)
		return
	}
	h := rw.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("Cache-Control", "no-store")
	rw.WriteHeader(code)
	rw.Write(buf.Bytes())
}

func (w *Web) fail(rw http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, store.ErrNotFound) {
		w.render(rw, r, http.StatusNotFound, "error", page{Title: "Not found", Error: err.Error()})
		return
	}
	w.log.ErrorContext(r.Context(), "dashboard", "error", err, "path", r.URL.Path)
	w.render(rw, r, http.StatusInternalServerError, "error", page{Title: "Error", Error: "the store failed; see the server log"})
}

// safeNext keeps a post-login redirect on this site.
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") || strings.HasPrefix(next, "/login") {
		return "/"
	}
	return next
}

func (w *Web) loginForm(rw http.ResponseWriter, r *http.Request) {
	w.render(rw, r, http.StatusOK, "login", page{Title: "Log in", Data: safeNext(r.URL.Query().Get("next"))})
}

func (w *Web) login(rw http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(rw, "bad form", http.StatusBadRequest)
		return
	}
	next := safeNext(r.PostFormValue("next"))
	if !w.opts.Auth.CheckCSRF(r) {
		w.render(rw, r, http.StatusForbidden, "login", page{Title: "Log in", Data: next, Error: "the form expired or came from another site; try again"})
		return
	}
	_, err := w.opts.Auth.Login(rw, r, r.PostFormValue("token"))
	if errors.Is(err, auth.ErrBadToken) {
		w.render(rw, r, http.StatusUnauthorized, "login", page{Title: "Log in", Data: next, Error: "unknown or revoked token"})
		return
	}
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	http.Redirect(rw, r, next, http.StatusSeeOther)
}

func (w *Web) logout(rw http.ResponseWriter, r *http.Request) {
	if !w.opts.Auth.CheckCSRF(r) {
		http.Error(rw, "the form expired or came from another site", http.StatusForbidden)
		return
	}
	if err := w.opts.Auth.Logout(rw, r); err != nil {
		w.fail(rw, r, err)
		return
	}
	http.Redirect(rw, r, "/login", http.StatusSeeOther)
}

type overviewData struct {
	Rows   []matrixRow
	Latest []store.ReportHeader
	Failed int
	Waived int
	Gaps   []store.Cell
	Chart  *chart
	Owners map[finding.Owner]int
	Layers []string
	// Breakdown counts failing findings by team, owner, layer and severity.
	Breakdown []breakdown
}

// breakdown is one dimension of the failing findings: value → count.
type breakdown struct {
	Param  string
	Title  string
	Counts []count
}

type count struct {
	Value string
	N     int
}

func counts[K ~string](m map[K]int, order []K) []count {
	var out []count
	seen := map[K]bool{}
	for _, k := range order {
		if m[k] > 0 {
			out = append(out, count{string(k), m[k]})
		}
		seen[k] = true
	}
	var rest []string
	for k := range m {
		if !seen[k] && m[k] > 0 {
			rest = append(rest, string(k))
		}
	}
	sort.Strings(rest)
	for _, k := range rest {
		out = append(out, count{k, m[K(k)]})
	}
	return out
}

type matrixRow struct {
	Service string
	Model   finding.ServiceModel
	Cells   []*store.Cell
}

func (w *Web) overview(rw http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	m, err := estate.LatestMatrix(ctx, w.opts.Store, store.ReportFilter{})
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	latest, err := w.opts.Store.LatestReports(ctx, store.ReportFilter{})
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	points, err := estate.Trends(ctx, w.opts.Store, store.ReportFilter{}, estate.ByDay)
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	d := overviewData{Latest: latest, Chart: newChart(points), Layers: m.Layers, Owners: map[finding.Owner]int{}}
	for _, s := range m.Services {
		row := matrixRow{Service: s.ID, Model: s.Model}
		for _, l := range m.Layers {
			row.Cells = append(row.Cells, m.Cell(s.ID, l))
		}
		d.Rows = append(d.Rows, row)
	}
	for _, c := range m.Cells {
		if len(c.Gaps) > 0 {
			d.Gaps = append(d.Gaps, c)
		}
	}
	teams, layers, sevs := map[string]int{}, map[finding.Layer]int{}, map[finding.Severity]int{}
	for _, h := range latest {
		d.Failed += h.Summary.Failed
		d.Waived += h.Summary.Waived
		for k, v := range h.Summary.ByOwner {
			d.Owners[k] += v
		}
		for k, v := range h.Summary.ByTeam {
			teams[k] += v
		}
		for k, v := range h.Summary.ByLayer {
			layers[k] += v
		}
		for k, v := range h.Summary.BySeverity {
			sevs[k] += v
		}
	}
	d.Breakdown = []breakdown{
		{"team", "by team", counts(teams, nil)},
		{"owner", "by owner", counts(d.Owners, []finding.Owner{finding.Customer, finding.Shared, finding.Provider})},
		{"layer", "by layer", counts(layers, finding.Layers)},
		{"severity", "by severity", counts(sevs, []finding.Severity{finding.Critical, finding.High, finding.Medium, finding.Low})},
	}
	w.render(rw, r, http.StatusOK, "overview", page{Title: "Estate", Nav: "overview", Data: d})
}

type findingsData struct {
	Filter   store.FindingFilter
	Findings []store.FindingRecord
	Options  map[string][]string
	Next     string
	Prev     string
}

func (w *Web) findings(rw http.ResponseWriter, r *http.Request) {
	f, err := api.FindingFilter(r)
	if err != nil {
		w.render(rw, r, http.StatusBadRequest, "error", page{Title: "Bad filter", Error: err.Error()})
		return
	}
	f.Limit = 100
	fs, err := w.opts.Store.ListFindings(r.Context(), f)
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	d := findingsData{Filter: f, Findings: fs, Options: map[string][]string{
		"severity": {"critical", "high", "medium", "low"},
		"owner":    {"customer", "shared", "provider"},
		"status":   {"fail", "waived"},
	}}
	for _, l := range finding.Layers {
		d.Options["layer"] = append(d.Options["layer"], string(l))
	}
	q := r.URL.Query()
	if len(fs) == f.Limit {
		q.Set("offset", strconv.Itoa(f.Offset+f.Limit))
		d.Next = "/findings?" + q.Encode()
	}
	if f.Offset > 0 {
		q.Set("offset", strconv.Itoa(max(0, f.Offset-f.Limit)))
		d.Prev = "/findings?" + q.Encode()
	}
	w.render(rw, r, http.StatusOK, "findings", page{Title: "Findings", Nav: "findings", Data: d})
}

func pathID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, fmt.Errorf("%q: %w", r.PathValue("id"), store.ErrNotFound)
	}
	return id, nil
}

func (w *Web) finding(rw http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err == nil {
		var f *store.FindingRecord
		if f, err = w.opts.Store.GetFinding(r.Context(), id); err == nil {
			w.render(rw, r, http.StatusOK, "finding", page{Title: f.Rule + " · " + f.Resource.Address, Nav: "findings", Data: f})
			return
		}
	}
	w.fail(rw, r, err)
}

func (w *Web) reports(rw http.ResponseWriter, r *http.Request) {
	before, _ := strconv.ParseInt(r.URL.Query().Get("before"), 10, 64)
	q := r.URL.Query()
	hs, err := w.opts.Store.ListReports(r.Context(), store.ReportFilter{Repository: q.Get("repo"), Branch: q.Get("branch"), Before: before, Limit: 50})
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	next := ""
	if len(hs) == 50 {
		q.Set("before", strconv.FormatInt(hs[len(hs)-1].ID, 10))
		next = "/reports?" + q.Encode()
	}
	w.render(rw, r, http.StatusOK, "reports", page{Title: "Reports", Nav: "reports", Data: map[string]any{"Reports": hs, "Next": next, "Repo": q.Get("repo")}})
}

func (w *Web) report(rw http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	rep, err := w.opts.Store.GetReport(r.Context(), id)
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	fs, err := w.opts.Store.ListFindings(r.Context(), store.FindingFilter{ReportID: id, Limit: store.MaxLimit})
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	w.render(rw, r, http.StatusOK, "report", page{Title: fmt.Sprintf("Report %d · %s", id, rep.Repository), Nav: "reports", Data: map[string]any{"Report": rep, "Findings": fs}})
}

func (w *Web) trends(rw http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	by := q.Get("by")
	if by != estate.ByUpload {
		by = estate.ByDay
	}
	ps, err := estate.Trends(r.Context(), w.opts.Store, store.ReportFilter{Repository: q.Get("repo")}, by)
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	w.render(rw, r, http.StatusOK, "trends", page{Title: "Trends", Nav: "trends", Data: map[string]any{"By": by, "Points": ps, "Chart": newChart(ps), "Repo": q.Get("repo")}})
}

func (w *Web) decisions(rw http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	before, _ := strconv.ParseInt(q.Get("before"), 10, 64)
	ds, err := w.opts.Store.ListDecisions(r.Context(), store.DecisionFilter{Namespace: q.Get("namespace"), Action: q.Get("action"), Before: before, Limit: 100})
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	next := ""
	if len(ds) == 100 {
		q.Set("before", strconv.FormatInt(ds[len(ds)-1].ID, 10))
		next = "/decisions?" + q.Encode()
	}
	w.render(rw, r, http.StatusOK, "decisions", page{Title: "Admission decisions", Nav: "decisions", Data: map[string]any{"Decisions": ds, "Next": next, "Namespace": q.Get("namespace"), "Action": q.Get("action")}})
}

func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}

func teamName(t string) string {
	if t == "" {
		return "unassigned"
	}
	return t
}

// heat returns the CSS class of a matrix cell.
func heat(c *store.Cell) string {
	switch {
	case c == nil:
		return "none"
	case c.Owner == finding.Provider && c.Failed == 0:
		return "provider"
	case c.Failed >= 10:
		return "hot"
	case c.Failed >= 3:
		return "warm"
	case c.Failed > 0:
		return "mild"
	case len(c.Gaps) > 0:
		return "gap"
	}
	return "ok"
}
