package server

import (
	"context"
	"crypto/tls"
	"github.com/onus-project/onus/internal/scan"
	"log/slog"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/onus-project/onus/internal/engine"
	"github.com/onus-project/onus/internal/ownership"
	"github.com/onus-project/onus/internal/server/admission"
	"github.com/onus-project/onus/internal/server/api"
	"github.com/onus-project/onus/internal/server/auth"
	"github.com/onus-project/onus/internal/server/web"
	"github.com/onus-project/onus/internal/store"
)

// AppOptions configure the whole service. Store, Engine and Model are
// required; zero values elsewhere take defaults.
type AppOptions struct {
	Store  store.Store
	Engine *engine.Engine
	Model  *ownership.Model
	// Actions per severity at admission; nil means admission.DefaultActions.
	Actions admission.Actions
	// Exclusions; nil Namespaces means admission.DefaultExcludedNamespaces.
	Exclusions admission.Exclusions
	// Ownership routes admission findings to teams and applies waivers.
	Ownership scan.OwnershipOptions
	// Record says which decisions are kept; "" means findings.
	Record    admission.RecordMode
	MaxUpload int64
	TLS       *tls.Config
	Timeouts  Timeouts
	Logger    *slog.Logger
}

// App is the assembled service: the server with every route, and the
// audit recorder to close after it stops.
type App struct {
	*Server
	Recorder *admission.Recorder
}

// NewApp assembles the server: /v1/admit, /api/v1/..., the dashboard and
// the operational routes, all sharing one store and one metrics registry.
func NewApp(ctx context.Context, o AppOptions) (*App, error) {
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Actions == nil {
		o.Actions = admission.DefaultActions()
	}
	if o.Exclusions.Namespaces == nil {
		o.Exclusions.Namespaces = admission.DefaultExcludedNamespaces()
	}
	if o.Record == "" {
		o.Record = admission.RecordFindings
	}
	reg := prometheus.NewRegistry()
	srv, err := New(Options{Store: o.Store, Registry: reg, Logger: o.Logger, TLS: o.TLS, Timeouts: o.Timeouts})
	if err != nil {
		return nil, err
	}
	alog := o.Logger.With("component", "admission")
	ev := &admission.Evaluator{Engine: o.Engine, Model: o.Model, Actions: o.Actions, Ownership: o.Ownership, Logger: alog}
	if err := ev.Warm(ctx); err != nil {
		return nil, err
	}
	rec, err := admission.NewRecorder(o.Store, admission.RecorderOptions{Logger: o.Logger.With("component", "audit"), Registerer: reg})
	if err != nil {
		return nil, err
	}
	metrics, err := admission.NewMetrics(reg)
	if err != nil {
		return nil, err
	}
	h := admission.Handler(ev.Handle).
		WithExclusions(o.Exclusions).
		WithOperations().
		WithRecorder(rec, o.Record).
		WithMetrics(metrics).
		WithLogger(alog)
	srv.Handle("POST /v1/admit", admission.MaxReviewBytes, admission.HTTP(h, alog))

	au := &auth.Auth{Store: o.Store, Secure: o.TLS != nil, Logger: o.Logger.With("component", "auth")}
	a, err := api.New(api.Options{Store: o.Store, Auth: au, MaxUpload: o.MaxUpload, Registerer: reg, Logger: o.Logger})
	if err != nil {
		return nil, err
	}
	a.Register(srv)
	dash, err := web.New(web.Options{Store: o.Store, Auth: au, Logger: o.Logger})
	if err != nil {
		return nil, err
	}
	dash.Register(srv)
	return &App{Server: srv, Recorder: rec}, nil
}

// Close flushes the audit log; call it after Serve returns.
func (a *App) Close(ctx context.Context) error { return a.Recorder.Close(ctx) }
