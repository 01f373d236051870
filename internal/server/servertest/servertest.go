// Package servertest starts the real onus service for tests: the whole app
// (admission, API, dashboard) over a real store on a loopback httptest
// server, with one token of each role.
package servertest

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/onus-project/onus/internal/engine"
	"github.com/onus-project/onus/internal/ownership"
	"github.com/onus-project/onus/internal/policy/builtin"
	"github.com/onus-project/onus/internal/server"
	"github.com/onus-project/onus/internal/server/admission"
	"github.com/onus-project/onus/internal/store"
	"github.com/onus-project/onus/internal/store/sqlite"
)

// Env is a running service.
type Env struct {
	URL    string
	Store  store.Store
	App    *server.App
	Server *httptest.Server
	// Tokens of each role.
	Admin, Uploader, Viewer string
}

// Engine compiles the built-in policies onus serve compiles: those
// admission can use.
func Engine(t testing.TB) *engine.Engine {
	t.Helper()
	set, diags := builtin.Load()
	if diags.HasErrors() {
		t.Fatalf("built-in policies: %v", diags)
	}
	eng, diags := engine.New(set.Trim(admission.Judges), engine.Options{})
	if eng == nil {
		t.Fatalf("engine: %v", diags)
	}
	return eng
}

// SQLite opens a store in a fresh temporary file.
func SQLite(t testing.TB) store.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "onus.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// Start runs the app over st (a fresh SQLite store when nil) with the
// options given (Store, Engine and Model are filled in).
func Start(t testing.TB, st store.Store, o server.AppOptions) *Env {
	t.Helper()
	if st == nil {
		st = SQLite(t)
	}
	o.Store = st
	if o.Engine == nil {
		o.Engine = Engine(t)
	}
	if o.Model == nil {
		m, err := ownership.Default()
		if err != nil {
			t.Fatal(err)
		}
		o.Model = m
	}
	app, err := server.NewApp(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(app.Handler())
	t.Cleanup(func() {
		ts.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		app.Close(ctx)
	})
	e := &Env{URL: ts.URL, Store: st, App: app, Server: ts}
	e.Admin = Token(t, st, store.Admin)
	e.Uploader = Token(t, st, store.Uploader)
	e.Viewer = Token(t, st, store.Viewer)
	return e
}

// Token creates a token of a role and returns its secret.
func Token(t testing.TB, st store.Store, role store.Role) string {
	t.Helper()
	plain, hash, err := store.NewSecret()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateToken(context.Background(), store.Token{Name: string(role) + " (test)", Role: role, Prefix: store.DisplayPrefix(plain), Hash: hash}); err != nil {
		t.Fatal(err)
	}
	return plain
}

// Do sends a request with an optional bearer token and body and returns
// the status and the body read.
func (e *Env) Do(t testing.TB, method, path, token, contentType string, body []byte, header ...string) (int, []byte, http.Header) {
	t.Helper()
	req, err := http.NewRequest(method, e.URL+path, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := e.Server.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, b, resp.Header
}
