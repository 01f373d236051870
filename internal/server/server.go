// Package server wires onus serve: an http.Server with a timeout on every
// phase, TLS, graceful shutdown that drains in-flight requests, a ServeMux
// with method patterns, and the middleware every request passes through
// (request id, recover, JSON access log, metrics, bounded bodies). The
// routes come from the admission, api and web packages.
package server

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/onus-project/onus/internal/store"
)

// Timeouts bound every phase of a connection. Zero fields take the defaults.
type Timeouts struct {
	ReadHeader time.Duration // default 5s
	Read       time.Duration // whole request, body included; default 60s
	Write      time.Duration // default 60s
	Idle       time.Duration // keep-alive; default 120s
	Shutdown   time.Duration // draining in-flight requests; default 25s
}

func (t Timeouts) withDefaults() Timeouts {
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&t.ReadHeader, 5*time.Second)
	def(&t.Read, 60*time.Second)
	def(&t.Write, 60*time.Second)
	def(&t.Idle, 120*time.Second)
	def(&t.Shutdown, 25*time.Second)
	return t
}

// Options configure a Server. Store is required.
type Options struct {
	Store store.Store
	// Registry receives the server's metrics; nil makes a new one. It is
	// never the global default registry.
	Registry *prometheus.Registry
	Logger   *slog.Logger
	Timeouts Timeouts
	// TLS, when set, serves HTTPS with it.
	TLS *tls.Config
}

// Server is the onus HTTP server.
type Server struct {
	mux      *http.ServeMux
	opts     Options
	log      *slog.Logger
	reg      *prometheus.Registry
	latency  *prometheus.HistogramVec
	draining atomic.Bool
	handler  http.Handler
}

// DefaultMaxBody bounds the body of routes that expect none or a small form.
const DefaultMaxBody = 64 << 10

// New builds a server with /healthz, /readyz and /metrics; callers add
// the other routes with Handle.
func New(opts Options) (*Server, error) {
	if opts.Store == nil {
		return nil, errors.New("server: a store is required")
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.Registry == nil {
		opts.Registry = prometheus.NewRegistry()
	}
	opts.Timeouts = opts.Timeouts.withDefaults()
	s := &Server{mux: http.NewServeMux(), opts: opts, log: opts.Logger.With("component", "server"), reg: opts.Registry}
	s.latency = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name: "onus_http_request_duration_seconds",
		Help: "HTTP request latency by route pattern, method and status code.",
		// fine between 0.25 and 10 ms, where admission requests fall and
		// where a latency objective for them sits (p99 under 5 ms)
		Buckets: []float64{.00025, .0005, .001, .002, .003, .004, .005, .0075, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
	}, []string{"route", "method", "code"})
	for _, c := range []prometheus.Collector{s.latency, collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{})} {
		if err := s.reg.Register(c); err != nil {
			return nil, fmt.Errorf("register metrics: %w", err)
		}
	}
	s.Handle("GET /healthz", 0, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	}))
	s.Handle("GET /readyz", 0, http.HandlerFunc(s.ready))
	s.Handle("GET /metrics", 0, promhttp.HandlerFor(s.reg, promhttp.HandlerOpts{Registry: s.reg}))
	s.handler = s.middleware(s.mux)
	return s, nil
}

// Registry returns the server's metrics registry.
func (s *Server) Registry() *prometheus.Registry { return s.reg }

// Handle registers h for a method pattern ("POST /api/v1/reports") with
// its body bounded to maxBody bytes (0 means DefaultMaxBody).
func (s *Server) Handle(pattern string, maxBody int64, h http.Handler) {
	if maxBody <= 0 {
		maxBody = DefaultMaxBody
	}
	s.mux.Handle(pattern, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, maxBody)
		h.ServeHTTP(w, r)
	}))
}

// Match returns the pattern that would serve r ("" when none), for
// answering 405 rather than 404 on known paths.
func (s *Server) Match(r *http.Request) string {
	_, p := s.mux.Handler(r)
	return p
}

// Handler returns the server's handler with its middleware (for tests).
func (s *Server) Handler() http.Handler { return s.handler }

func (s *Server) ready(w http.ResponseWriter, r *http.Request) {
	if s.draining.Load() {
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "shutting down"})
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if err := s.opts.Store.Ping(ctx); err != nil {
		s.log.WarnContext(r.Context(), "store unreachable", "error", err)
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "store unreachable"})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ready"})
}

// Serve serves on ln until ctx is cancelled, then shuts down gracefully:
// it stops accepting, reports not ready, and waits up to the shutdown
// timeout for in-flight requests to finish.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	t := s.opts.Timeouts
	srv := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: t.ReadHeader,
		ReadTimeout:       t.Read,
		WriteTimeout:      t.Write,
		IdleTimeout:       t.Idle,
		MaxHeaderBytes:    64 << 10,
		TLSConfig:         s.opts.TLS,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	if s.opts.TLS != nil {
		ln = tls.NewListener(ln, s.opts.TLS)
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	s.log.InfoContext(ctx, "serving", "addr", ln.Addr().String(), "tls", s.opts.TLS != nil)
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	s.draining.Store(true)
	s.log.Info("shutting down: draining in-flight requests", "timeout", t.Shutdown.String())
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), t.Shutdown)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		srv.Close()
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	s.log.Info("stopped")
	return nil
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(v)
}
