// Package api is the REST API under /api/v1: report uploads from CI, and
// reports, findings, the estate matrix, trends, admission decisions and
// tokens for readers. Every route checks the caller's role; errors are
// JSON {"error": "..."} with the matching status code.
package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/onus-project/onus/internal/finding"
	"github.com/onus-project/onus/internal/report"
	"github.com/onus-project/onus/internal/server/auth"
	"github.com/onus-project/onus/internal/server/estate"
	"github.com/onus-project/onus/internal/server/httperr"
	"github.com/onus-project/onus/internal/store"
)

// Mux is where routes are registered (server.Server implements it).
type Mux interface {
	Handle(pattern string, maxBody int64, h http.Handler)
	Match(r *http.Request) string
}

// DefaultMaxUpload bounds an uploaded report.
const DefaultMaxUpload = 32 << 20

// Metadata headers of an upload (the query parameters repo, commit and
// branch are accepted too).
const (
	HeaderRepository = "Onus-Repository"
	HeaderCommit     = "Onus-Commit"
	HeaderBranch     = "Onus-Branch"
)

// Options configure the API. Store and Auth are required.
type Options struct {
	Store store.Store
	Auth  *auth.Auth
	// MaxUpload bounds a report upload in bytes; 0 means DefaultMaxUpload.
	MaxUpload int64
	// Registerer receives the upload counter; nil registers nothing.
	Registerer prometheus.Registerer
	Logger     *slog.Logger
}

// API serves /api/v1.
type API struct {
	opts    Options
	log     *slog.Logger
	uploads *prometheus.CounterVec
}

// New returns the API.
func New(opts Options) (*API, error) {
	if opts.Store == nil || opts.Auth == nil {
		return nil, errors.New("api: Store and Auth are required")
	}
	if opts.MaxUpload <= 0 {
		opts.MaxUpload = DefaultMaxUpload
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	a := &API{opts: opts, log: opts.Logger.With("component", "api")}
	a.uploads = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "onus_report_uploads_total",
		Help: "Report uploads by result (stored, rejected, failed).",
	}, []string{"result"})
	if opts.Registerer != nil {
		if err := opts.Registerer.Register(a.uploads); err != nil {
			return nil, fmt.Errorf("register metrics: %w", err)
		}
	}
	return a, nil
}

// Register adds the API's routes to mux.
func (a *API) Register(mux Mux) {
	tok := a.opts.Auth.Token
	mux.Handle("POST /api/v1/reports", a.opts.MaxUpload, tok(store.Uploader, http.HandlerFunc(a.upload)))
	mux.Handle("GET /api/v1/reports", 0, tok(store.Viewer, http.HandlerFunc(a.listReports)))
	mux.Handle("GET /api/v1/reports/{id}", 0, tok(store.Viewer, http.HandlerFunc(a.getReport)))
	mux.Handle("GET /api/v1/findings", 0, tok(store.Viewer, http.HandlerFunc(a.listFindings)))
	mux.Handle("GET /api/v1/findings/{id}", 0, tok(store.Viewer, http.HandlerFunc(a.getFinding)))
	mux.Handle("GET /api/v1/matrix", 0, tok(store.Viewer, http.HandlerFunc(a.matrix)))
	mux.Handle("GET /api/v1/trends", 0, tok(store.Viewer, http.HandlerFunc(a.trends)))
	mux.Handle("GET /api/v1/decisions", 0, tok(store.Viewer, http.HandlerFunc(a.decisions)))
	mux.Handle("GET /api/v1/tokens", 0, tok(store.Admin, http.HandlerFunc(a.listTokens)))
	mux.Handle("POST /api/v1/tokens", 0, tok(store.Admin, http.HandlerFunc(a.createToken)))
	mux.Handle("DELETE /api/v1/tokens/{id}", 0, tok(store.Admin, http.HandlerFunc(a.revokeToken)))
	mux.Handle("/api/", 0, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		notFound(mux, w, r)
	}))
}

// notFound answers 405 for a known path asked with the wrong method, else 404.
func notFound(mux Mux, w http.ResponseWriter, r *http.Request) {
	var allow []string
	for _, m := range []string{http.MethodGet, http.MethodPost, http.MethodDelete} {
		probe := r.Clone(r.Context())
		probe.Method = m
		if p := mux.Match(probe); p != "" && p != "/api/" {
			allow = append(allow, m)
		}
	}
	if len(allow) > 0 {
		w.Header().Set("Allow", strings.Join(allow, ", "))
		httperr.Write(w, http.StatusMethodNotAllowed, fmt.Sprintf("method %s not allowed on %s (allowed: %s)", r.Method, r.URL.Path, strings.Join(allow, ", ")))
		return
	}
	httperr.Write(w, http.StatusNotFound, "no API route "+r.URL.Path)
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

func (a *API) storeError(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, store.ErrNotFound) {
		httperr.Write(w, http.StatusNotFound, err.Error())
		return
	}
	a.log.ErrorContext(r.Context(), "store error", "error", err, "path", r.URL.Path)
	httperr.Write(w, http.StatusInternalServerError, "the store failed; see the server log")
}

const maxMetaLen = 512

// meta reads the upload's repository, commit and branch from headers or
// the query string.
func meta(r *http.Request) (store.ReportMeta, error) {
	get := func(header, param string) string {
		if v := strings.TrimSpace(r.Header.Get(header)); v != "" {
			return v
		}
		return strings.TrimSpace(r.URL.Query().Get(param))
	}
	m := store.ReportMeta{
		Repository: get(HeaderRepository, "repo"),
		Commit:     get(HeaderCommit, "commit"),
		Branch:     get(HeaderBranch, "branch"),
	}
	if m.Repository == "" {
		return m, errors.New("the repository is missing: send the " + HeaderRepository + " header or ?repo=")
	}
	for _, v := range []string{m.Repository, m.Commit, m.Branch} {
		if len(v) > maxMetaLen {
			return m, fmt.Errorf("repository, commit and branch are limited to %d bytes", maxMetaLen)
		}
	}
	return m, nil
}

func (a *API) upload(w http.ResponseWriter, r *http.Request) {
	reject := func(code int, msg string) {
		a.uploads.WithLabelValues("rejected").Inc()
		httperr.Write(w, code, msg)
	}
	if ct := r.Header.Get("Content-Type"); ct != "" {
		if mt, _, err := mime.ParseMediaType(ct); err != nil || mt != "application/json" {
			reject(http.StatusUnsupportedMediaType, "a report is application/json, not "+ct)
			return
		}
	}
	m, err := meta(r)
	if err != nil {
		reject(http.StatusBadRequest, err.Error())
		return
	}
	rep, err := report.Read(r.Body)
	if err != nil {
		code, msg := httperr.Body(err)
		if _, ok := errors.AsType[*report.SchemaError](err); ok {
			code = http.StatusUnprocessableEntity
		} else if code == http.StatusBadRequest {
			msg = "invalid report JSON: " + msg
		}
		reject(code, msg)
		return
	}
	if err := validate(rep); err != nil {
		reject(http.StatusUnprocessableEntity, err.Error())
		return
	}
	id, err := a.opts.Store.SaveReport(r.Context(), m, rep)
	if err != nil {
		a.uploads.WithLabelValues("failed").Inc()
		a.storeError(w, r, err)
		return
	}
	a.uploads.WithLabelValues("stored").Inc()
	a.log.InfoContext(r.Context(), "report stored", "report_id", id, "repository", m.Repository, "commit", m.Commit, "findings", len(rep.Findings))
	loc := "/api/v1/reports/" + strconv.FormatInt(id, 10)
	w.Header().Set("Location", loc)
	writeJSON(w, http.StatusCreated, map[string]any{"id": id, "url": loc, "findings": len(rep.Findings)})
}

// validate checks the fields the store indexes.
func validate(rep *report.Report) error {
	for i, f := range rep.Findings {
		switch {
		case f.Rule == "":
			return fmt.Errorf("findings[%d]: rule is missing", i)
		case !f.Severity.Valid():
			return fmt.Errorf("findings[%d]: unknown severity %q", i, f.Severity)
		case !f.Layer.Valid():
			return fmt.Errorf("findings[%d]: unknown layer %q", i, f.Layer)
		case f.Owner != "" && !f.Owner.Valid():
			return fmt.Errorf("findings[%d]: unknown owner %q", i, f.Owner)
		case !f.Status.Valid():
			return fmt.Errorf("findings[%d]: unknown status %q", i, f.Status)
		}
	}
	return nil
}

func intParam(r *http.Request, name string) (int64, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%s: want a non-negative integer, got %q", name, v)
	}
	return n, nil
}

func pathID(w http.ResponseWriter, r *http.Request) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		httperr.Write(w, http.StatusBadRequest, "id: want a positive integer, got "+strconv.Quote(r.PathValue("id")))
		return 0, false
	}
	return id, true
}

// page is a list with the link to the next page.
type page[T any] struct {
	Items []T    `json:"items"`
	Next  string `json:"next,omitempty"`
}

func (a *API) listReports(w http.ResponseWriter, r *http.Request) {
	limit, err1 := intParam(r, "limit")
	before, err2 := intParam(r, "before")
	if err := errors.Join(err1, err2); err != nil {
		httperr.Write(w, http.StatusBadRequest, err.Error())
		return
	}
	q := r.URL.Query()
	f := store.ReportFilter{Repository: q.Get("repo"), Branch: q.Get("branch"), Before: before, Limit: store.Clamp(int(limit))}
	hs, err := a.opts.Store.ListReports(r.Context(), f)
	if err != nil {
		a.storeError(w, r, err)
		return
	}
	p := page[store.ReportHeader]{Items: hs}
	if len(hs) == f.Limit {
		q.Set("before", strconv.FormatInt(hs[len(hs)-1].ID, 10))
		p.Next = "/api/v1/reports?" + q.Encode()
	}
	writeJSON(w, http.StatusOK, p)
}

func (a *API) getReport(w http.ResponseWriter, r *http.Request) {
	getByID(a, w, r, a.opts.Store.GetReport)
}

// getByID answers GET .../{id} with what get returns for the id.
func getByID[T any](a *API, w http.ResponseWriter, r *http.Request, get func(context.Context, int64) (T, error)) {
	id, ok := pathID(w, r)
	if !ok {
		return
	}
	v, err := get(r.Context(), id)
	if err != nil {
		a.storeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, v)
}

// FindingFilter reads the findings filters of a query string.
func FindingFilter(r *http.Request) (store.FindingFilter, error) {
	q := r.URL.Query()
	limit, err1 := intParam(r, "limit")
	offset, err2 := intParam(r, "offset")
	rid, err3 := intParam(r, "report")
	f := store.FindingFilter{
		Team: q.Get("team"), Owner: q.Get("owner"), Layer: q.Get("layer"), Severity: q.Get("severity"),
		Status: q.Get("status"), Repository: q.Get("repo"), Rule: q.Get("rule"), Service: q.Get("service"),
		ReportID: rid, Branch: q.Get("branch"), Limit: store.Clamp(int(limit)), Offset: int(offset),
	}
	errs := []error{err1, err2, err3}
	if f.Owner != "" && !finding.Owner(f.Owner).Valid() {
		errs = append(errs, fmt.Errorf("owner: want customer, shared or provider, got %q", f.Owner))
	}
	if f.Layer != "" && !finding.Layer(f.Layer).Valid() {
		errs = append(errs, fmt.Errorf("layer: unknown layer %q", f.Layer))
	}
	if f.Severity != "" && !finding.Severity(f.Severity).Valid() {
		errs = append(errs, fmt.Errorf("severity: want critical, high, medium or low, got %q", f.Severity))
	}
	if f.Status != "" && !finding.Status(f.Status).Valid() {
		errs = append(errs, fmt.Errorf("status: want fail or waived, got %q", f.Status))
	}
	return f, errors.Join(errs...)
}

func (a *API) listFindings(w http.ResponseWriter, r *http.Request) {
	f, err := FindingFilter(r)
	if err != nil {
		httperr.Write(w, http.StatusBadRequest, err.Error())
		return
	}
	fs, err := a.opts.Store.ListFindings(r.Context(), f)
	if err != nil {
		a.storeError(w, r, err)
		return
	}
	p := page[store.FindingRecord]{Items: fs}
	if len(fs) == f.Limit {
		q := r.URL.Query()
		q.Set("offset", strconv.Itoa(f.Offset+f.Limit))
		p.Next = "/api/v1/findings?" + q.Encode()
	}
	writeJSON(w, http.StatusOK, p)
}

func (a *API) getFinding(w http.ResponseWriter, r *http.Request) {
	getByID(a, w, r, a.opts.Store.GetFinding)
}

func (a *API) matrix(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	m, err := estate.LatestMatrix(r.Context(), a.opts.Store, store.ReportFilter{Repository: q.Get("repo"), Branch: q.Get("branch")})
	if err != nil {
		a.storeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, m)
}

func (a *API) trends(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	by := q.Get("by")
	if by == "" {
		by = estate.ByDay
	}
	if by != estate.ByDay && by != estate.ByUpload {
		httperr.Write(w, http.StatusBadRequest, "by: want day or upload, got "+strconv.Quote(by))
		return
	}
	ps, err := estate.Trends(r.Context(), a.opts.Store, store.ReportFilter{Repository: q.Get("repo"), Branch: q.Get("branch")}, by)
	if err != nil {
		a.storeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"by": by, "points": ps})
}

func (a *API) decisions(w http.ResponseWriter, r *http.Request) {
	limit, err1 := intParam(r, "limit")
	before, err2 := intParam(r, "before")
	if err := errors.Join(err1, err2); err != nil {
		httperr.Write(w, http.StatusBadRequest, err.Error())
		return
	}
	q := r.URL.Query()
	ds, err := a.opts.Store.ListDecisions(r.Context(), store.DecisionFilter{Namespace: q.Get("namespace"), Action: q.Get("action"), Before: before, Limit: int(limit)})
	if err != nil {
		a.storeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, page[store.Decision]{Items: ds})
}

func (a *API) listTokens(w http.ResponseWriter, r *http.Request) {
	ts, err := a.opts.Store.ListTokens(r.Context())
	if err != nil {
		a.storeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, page[store.Token]{Items: ts})
}

func (a *API) createToken(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Name string     `json:"name"`
		Role store.Role `json:"role"`
	}
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		code, msg := httperr.Body(err)
		httperr.Write(w, code, "want {\"name\": ..., \"role\": ...}: "+msg)
		return
	}
	if strings.TrimSpace(req.Name) == "" || !req.Role.Valid() {
		httperr.Write(w, http.StatusBadRequest, "a token needs a name and a role (admin, uploader or viewer)")
		return
	}
	plain, hash, err := store.NewSecret()
	if err != nil {
		httperr.Write(w, http.StatusInternalServerError, err.Error())
		return
	}
	t, err := a.opts.Store.CreateToken(r.Context(), store.Token{Name: req.Name, Role: req.Role, Prefix: store.DisplayPrefix(plain), Hash: hash})
	if err != nil {
		a.storeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]any{"token": plain, "id": t.ID, "name": t.Name, "role": t.Role, "note": "the token is shown once; store it now"})
}

func (a *API) revokeToken(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(w, r)
	if !ok {
		return
	}
	if err := a.opts.Store.RevokeToken(r.Context(), id); err != nil {
		a.storeError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
