// Package auth checks who is calling: API requests carry a bearer token,
// dashboard requests a session cookie made by logging in with a token. Both
// resolve to a store.Token whose role must allow the route.
package auth

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/onus-project/onus/internal/server/httperr"
	"github.com/onus-project/onus/internal/store"
)

// Auth authenticates requests against the store.
type Auth struct {
	Store store.Store
	// Secure marks cookies Secure (set when serving TLS).
	Secure bool
	// SessionTTL is how long a dashboard login lasts; 0 means 12 hours.
	SessionTTL time.Duration
	// Now returns the time; nil means time.Now.
	Now    func() time.Time
	Logger *slog.Logger
}

type ctxKey struct{}

// caller holds the authenticated token of a request; Track puts an empty
// one in the context so that outer middleware (the access log) sees who
// the inner handlers authenticated.
type caller struct{ tok *store.Token }

// Track returns ctx with room for the caller, filled in by WithToken.
func Track(ctx context.Context) context.Context {
	return context.WithValue(ctx, ctxKey{}, &caller{})
}

// FromContext returns the authenticated token of a request, or nil.
func FromContext(ctx context.Context) *store.Token {
	if c, ok := ctx.Value(ctxKey{}).(*caller); ok {
		return c.tok
	}
	return nil
}

// WithToken returns ctx carrying t.
func WithToken(ctx context.Context, t *store.Token) context.Context {
	if c, ok := ctx.Value(ctxKey{}).(*caller); ok {
		c.tok = t
		return ctx
	}
	return context.WithValue(ctx, ctxKey{}, &caller{tok: t})
}

func (a *Auth) now() time.Time {
	if a.Now != nil {
		return a.Now()
	}
	return time.Now()
}

func (a *Auth) log() *slog.Logger {
	if a.Logger == nil {
		return slog.New(slog.DiscardHandler)
	}
	return a.Logger
}

// bearer returns the token of an "Authorization: Bearer T" header.
func bearer(r *http.Request) (string, bool) {
	h := r.Header.Get("Authorization")
	scheme, tok, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	tok = strings.TrimSpace(tok)
	return tok, tok != ""
}

// Token requires a bearer token whose role allows need: no or an unknown
// token is 401, a token of the wrong role 403.
func (a *Auth) Token(need store.Role, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		plain, ok := bearer(r)
		if !ok {
			w.Header().Set("WWW-Authenticate", `Bearer realm="onus"`)
			httperr.Write(w, http.StatusUnauthorized, "authentication required: send Authorization: Bearer <onus token>")
			return
		}
		tok, err := a.Store.TokenByHash(r.Context(), store.Hash(plain))
		if errors.Is(err, store.ErrNotFound) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="onus", error="invalid_token"`)
			httperr.Write(w, http.StatusUnauthorized, "invalid or revoked token")
			return
		}
		if err != nil {
			a.log().ErrorContext(r.Context(), "token lookup failed", "error", err)
			httperr.Write(w, http.StatusServiceUnavailable, "cannot check the token: the store is unavailable")
			return
		}
		if !tok.Role.Allows(need) {
			httperr.Write(w, http.StatusForbidden, "token "+tok.Name+" has role "+string(tok.Role)+"; this needs "+string(need))
			return
		}
		h.ServeHTTP(w, r.WithContext(WithToken(r.Context(), tok)))
	})
}

// Cookie names; "__Host-" binds them to this origin when served over TLS.
func (a *Auth) cookieName(base string) string {
	if a.Secure {
		return "__Host-" + base
	}
	return base
}

const (
	sessionCookie = "onus_session"
	csrfCookie    = "onus_csrf"
	// CSRFField is the form field carrying the CSRF token.
	CSRFField = "csrf"
)

func randomString() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

func (a *Auth) setCookie(w http.ResponseWriter, name, value string, maxAge int) {
	http.SetCookie(w, &http.Cookie{
		Name: a.cookieName(name), Value: value, Path: "/", MaxAge: maxAge,
		HttpOnly: true, Secure: a.Secure, SameSite: http.SameSiteStrictMode,
	})
}

// Session requires a dashboard session whose token's role allows need;
// without one the browser is sent to the login page.
func (a *Auth) Session(need store.Role, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tok, err := a.sessionToken(r)
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			a.log().ErrorContext(r.Context(), "session lookup failed", "error", err)
			http.Error(w, "the store is unavailable", http.StatusServiceUnavailable)
			return
		}
		if tok == nil {
			http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
			return
		}
		if !tok.Role.Allows(need) {
			http.Error(w, "forbidden: token "+tok.Name+" has role "+string(tok.Role)+"; this page needs "+string(need), http.StatusForbidden)
			return
		}
		h.ServeHTTP(w, r.WithContext(WithToken(r.Context(), tok)))
	})
}

func (a *Auth) sessionToken(r *http.Request) (*store.Token, error) {
	c, err := r.Cookie(a.cookieName(sessionCookie))
	if err != nil || c.Value == "" {
		return nil, nil
	}
	_, tok, err := a.Store.SessionByHash(r.Context(), store.Hash(c.Value), a.now())
	return tok, err
}

// ErrBadToken is returned by Login for an unknown or revoked token.
var ErrBadToken = errors.New("unknown or revoked token")

// Login checks a token typed into the login form and starts a session.
func (a *Auth) Login(w http.ResponseWriter, r *http.Request, plain string) (*store.Token, error) {
	plain = strings.TrimSpace(plain)
	if !store.ValidSecret(plain) {
		return nil, ErrBadToken
	}
	tok, err := a.Store.TokenByHash(r.Context(), store.Hash(plain))
	if errors.Is(err, store.ErrNotFound) {
		return nil, ErrBadToken
	}
	if err != nil {
		return nil, err
	}
	sid, err := randomString()
	if err != nil {
		return nil, err
	}
	ttl := a.SessionTTL
	if ttl <= 0 {
		ttl = 12 * time.Hour
	}
	now := a.now().UTC()
	if err := a.Store.CreateSession(r.Context(), store.Session{Hash: store.Hash(sid), TokenID: tok.ID, CreatedAt: now, ExpiresAt: now.Add(ttl)}); err != nil {
		return nil, err
	}
	a.setCookie(w, sessionCookie, sid, int(ttl.Seconds()))
	return tok, nil
}

// Logout ends the request's session.
func (a *Auth) Logout(w http.ResponseWriter, r *http.Request) error {
	if c, err := r.Cookie(a.cookieName(sessionCookie)); err == nil && c.Value != "" {
		if err := a.Store.DeleteSession(r.Context(), store.Hash(c.Value)); err != nil {
			return err
		}
	}
	a.setCookie(w, sessionCookie, "", -1)
	return nil
}

// CSRFToken returns the request's CSRF token, setting the cookie that
// carries it when the browser has none (double-submit: a form is accepted
// only when its field matches the cookie, which other sites cannot read).
func (a *Auth) CSRFToken(w http.ResponseWriter, r *http.Request) string {
	if c, err := r.Cookie(a.cookieName(csrfCookie)); err == nil && len(c.Value) >= 32 {
		return c.Value
	}
	v, err := randomString()
	if err != nil {
		return ""
	}
	a.setCookie(w, csrfCookie, v, 0)
	return v
}

// CheckCSRF reports whether a posted form carries the CSRF cookie's value.
func (a *Auth) CheckCSRF(r *http.Request) bool {
	c, err := r.Cookie(a.cookieName(csrfCookie))
	if err != nil || len(c.Value) < 32 {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(c.Value), []byte(r.PostFormValue(CSRFField))) == 1
}
