package server_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/onus-project/onus/internal/server"
	"github.com/onus-project/onus/internal/server/servertest"
)

func listen(t *testing.T) net.Listener {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	return ln
}

// TestGracefulShutdown cancels the server while a request is in flight:
// the request completes, new connections are refused, readiness turns 503
// and Serve returns nil.
func TestGracefulShutdown(t *testing.T) {
	srv, err := server.New(server.Options{Store: servertest.SQLite(t)})
	if err != nil {
		t.Fatal(err)
	}
	entered, release := make(chan struct{}), make(chan struct{})
	srv.Handle("GET /slow", 0, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(entered)
		<-release
		io.WriteString(w, "finished")
	}))
	ln := listen(t)
	url := "http://" + ln.Addr().String()
	ctx, cancel := context.WithCancel(t.Context())
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ctx, ln) }()

	type result struct {
		code int
		body string
		err  error
	}
	got := make(chan result, 1)
	go func() {
		resp, err := http.Get(url + "/slow")
		if err != nil {
			got <- result{err: err}
			return
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		got <- result{resp.StatusCode, string(b), err}
	}()
	<-entered
	cancel()
	select {
	case err := <-served:
		t.Fatalf("Serve returned (%v) while a request was in flight", err)
	case <-time.After(200 * time.Millisecond):
	}
	// the listener is closed: new requests cannot start
	if _, err := (&http.Client{Timeout: time.Second, Transport: &http.Transport{DisableKeepAlives: true}}).Get(url + "/healthz"); err == nil {
		t.Errorf("a new request was accepted during shutdown")
	}
	close(release)
	r := <-got
	if r.err != nil || r.code != 200 || r.body != "finished" {
		t.Errorf("in-flight request = %d %q %v, want 200 finished", r.code, r.body, r.err)
	}
	select {
	case err := <-served:
		if err != nil {
			t.Errorf("Serve = %v, want nil after a clean drain", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not return after the drain")
	}
}

func TestShutdownTimeout(t *testing.T) {
	srv, err := server.New(server.Options{Store: servertest.SQLite(t), Timeouts: server.Timeouts{Shutdown: 100 * time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	entered, release := make(chan struct{}), make(chan struct{})
	defer close(release)
	srv.Handle("GET /stuck", 0, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(entered)
		<-release
	}))
	ln := listen(t)
	ctx, cancel := context.WithCancel(t.Context())
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ctx, ln) }()
	go http.Get("http://" + ln.Addr().String() + "/stuck")
	<-entered
	cancel()
	select {
	case err := <-served:
		if err == nil || !strings.Contains(err.Error(), "shutdown") {
			t.Errorf("Serve = %v, want a shutdown deadline error", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Serve waited past its shutdown timeout")
	}
}

func TestMiddleware(t *testing.T) {
	srv, err := server.New(server.Options{Store: servertest.SQLite(t)})
	if err != nil {
		t.Fatal(err)
	}
	srv.Handle("GET /boom", 0, http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("boom") }))
	srv.Handle("POST /echo", 8, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := io.ReadAll(r.Body); err != nil {
			http.Error(w, err.Error(), http.StatusRequestEntityTooLarge)
		}
	}))
	h := srv.Handler()
	do := func(method, path, body string, header ...string) *http.Response {
		req, _ := http.NewRequest(method, "http://onus.test"+path, strings.NewReader(body))
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		rec := newRecorder()
		h.ServeHTTP(rec, req)
		return rec.result()
	}
	resp := do("GET", "/boom", "")
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 500 || !strings.Contains(string(b), `"error":"internal error (request `) {
		t.Errorf("panic = %d %s, want a 500 JSON error", resp.StatusCode, b)
	}
	if id := resp.Header.Get("X-Request-Id"); len(id) != 24 {
		t.Errorf("generated request id %q", id)
	}
	if resp := do("GET", "/healthz", "", "X-Request-Id", "abc-123"); resp.Header.Get("X-Request-Id") != "abc-123" {
		t.Errorf("request id not kept: %q", resp.Header.Get("X-Request-Id"))
	}
	if resp := do("GET", "/healthz", "", "X-Request-Id", "bad id\n"); resp.Header.Get("X-Request-Id") == "bad id\n" {
		t.Errorf("an unsafe request id was echoed")
	}
	if resp := do("POST", "/echo", "more than eight bytes"); resp.StatusCode != 413 {
		t.Errorf("oversized body = %d, want 413", resp.StatusCode)
	}
	if resp := do("GET", "/readyz", ""); resp.StatusCode != 200 {
		t.Errorf("readyz = %d", resp.StatusCode)
	}
	resp = do("GET", "/metrics", "")
	b, _ = io.ReadAll(resp.Body)
	for _, want := range []string{`onus_http_request_duration_seconds_count{code="500",method="GET",route="GET /boom"} 1`, "go_goroutines", "process_"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("metrics lack %q", want)
		}
	}
}

func TestReadyzStoreDown(t *testing.T) {
	st := servertest.SQLite(t)
	srv, err := server.New(server.Options{Store: st})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	rec := newRecorder()
	srv.Handler().ServeHTTP(rec, httptestRequest("GET", "/readyz"))
	if rec.code != 503 {
		t.Errorf("readyz with a closed store = %d, want 503", rec.code)
	}
}

func TestSelfSignedTLS(t *testing.T) {
	cert, fp, err := server.SelfSigned([]string{"localhost", "127.0.0.1"}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if len(strings.Split(fp, ":")) != 32 {
		t.Errorf("fingerprint %q is not a SHA-256", fp)
	}
	srv, err := server.New(server.Options{Store: servertest.SQLite(t), TLS: server.TLSConfig(func(*tls.ClientHelloInfo) (*tls.Certificate, error) { return cert, nil })})
	if err != nil {
		t.Fatal(err)
	}
	ln := listen(t)
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	go srv.Serve(ctx, ln)
	pool := x509.NewCertPool()
	pool.AddCert(cert.Leaf)
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
	resp, err := client.Get("https://" + strings.Replace(ln.Addr().String(), "127.0.0.1", "localhost", 1) + "/healthz")
	if err != nil {
		t.Fatalf("TLS request with the self-signed CA: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.TLS == nil {
		t.Errorf("= %d, tls %v", resp.StatusCode, resp.TLS != nil)
	}
	if _, err := http.Get("https://" + ln.Addr().String() + "/healthz"); err == nil {
		t.Errorf("a client not trusting the certificate connected")
	}
}

func TestCertReloader(t *testing.T) {
	dir := t.TempDir()
	write := func(host string) *x509.Certificate {
		cert, _, err := server.SelfSigned([]string{host}, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		key, err := x509.MarshalECPrivateKey(cert.PrivateKey.(*ecdsa.PrivateKey))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, "tls.crt"), pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: cert.Certificate[0]}), 0o600)
		os.WriteFile(filepath.Join(dir, "tls.key"), pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: key}), 0o600)
		return cert.Leaf
	}
	first := write("one.example")
	rl, err := server.NewCertReloader(filepath.Join(dir, "tls.crt"), filepath.Join(dir, "tls.key"))
	if err != nil {
		t.Fatal(err)
	}
	rl.Interval = 0
	got, _ := rl.GetCertificate(nil)
	if !bytes.Equal(got.Certificate[0], first.Raw) {
		t.Fatal("the first certificate is not served")
	}
	second := write("two.example")
	later := time.Now().Add(time.Minute)
	os.Chtimes(filepath.Join(dir, "tls.crt"), later, later)
	got, _ = rl.GetCertificate(nil)
	if !bytes.Equal(got.Certificate[0], second.Raw) {
		t.Error("the rotated certificate was not picked up")
	}
	// a broken rotation keeps the last good certificate
	os.WriteFile(filepath.Join(dir, "tls.key"), []byte("garbage"), 0o600)
	later = later.Add(time.Minute)
	os.Chtimes(filepath.Join(dir, "tls.key"), later, later)
	got, _ = rl.GetCertificate(nil)
	if got == nil || !bytes.Equal(got.Certificate[0], second.Raw) {
		t.Error("a broken key file replaced the good certificate")
	}
	if _, err := server.NewCertReloader(filepath.Join(dir, "tls.crt"), filepath.Join(dir, "tls.key")); err == nil {
		t.Error("loading a broken pair succeeded")
	}
}
