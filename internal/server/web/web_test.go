package web_test

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/onus-project/onus/internal/server"
	"github.com/onus-project/onus/internal/server/servertest"
	"github.com/onus-project/onus/internal/store"
)

// seed uploads the API test report under two repositories.
func seed(t *testing.T, e *servertest.Env) {
	t.Helper()
	b, err := os.ReadFile("../api/testdata/report.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, repo := range []string{"acme/shop", "acme/ops"} {
		if code, body, _ := e.Do(t, "POST", "/api/v1/reports", e.Uploader, "application/json", b, "Onus-Repository", repo, "Onus-Branch", "main"); code != 201 {
			t.Fatalf("seed upload = %d %s", code, body)
		}
	}
}

type browser struct {
	t      *testing.T
	e      *servertest.Env
	client *http.Client
}

func newBrowser(t *testing.T, e *servertest.Env) *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{t: t, e: e, client: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

func (b *browser) do(method, path string, form url.Values) (*http.Response, string) {
	b.t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, _ := http.NewRequest(method, b.e.URL+path, body)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	resp, err := b.client.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	return resp, string(out)
}

var csrfRE = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

func (b *browser) csrf(page string) string {
	b.t.Helper()
	m := csrfRE.FindStringSubmatch(page)
	if m == nil {
		b.t.Fatalf("no CSRF field in:\n%s", page)
	}
	return m[1]
}

func (b *browser) login(token, next string) *http.Response {
	b.t.Helper()
	_, page := b.do("GET", "/login?next="+url.QueryEscape(next), nil)
	resp, _ := b.do("POST", "/login", url.Values{"csrf": {b.csrf(page)}, "token": {token}, "next": {next}})
	return resp
}

func TestLoginAndPages(t *testing.T) {
	e := servertest.Start(t, nil, server.AppOptions{})
	seed(t, e)
	b := newBrowser(t, e)

	resp, _ := b.do("GET", "/findings?severity=critical", nil)
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/login?next=%2Ffindings%3Fseverity%3Dcritical" {
		t.Fatalf("anonymous page = %d → %q, want a redirect to the login", resp.StatusCode, resp.Header.Get("Location"))
	}
	_, page := b.do("GET", "/login", nil)
	token := b.csrf(page)
	if resp, _ := b.do("POST", "/login", url.Values{"token": {e.Viewer}}); resp.StatusCode != http.StatusForbidden {
		t.Errorf("login without CSRF = %d, want 403", resp.StatusCode)
	}
	if resp, _ := b.do("POST", "/login", url.Values{"csrf": {"x" + token[1:]}, "token": {e.Viewer}}); resp.StatusCode != http.StatusForbidden {
		t.Errorf("login with a wrong CSRF token = %d, want 403", resp.StatusCode)
	}
	if resp, body := b.do("POST", "/login", url.Values{"csrf": {token}, "token": {"onus_wrongwrongwrongwrongwrongwrongwrongwrongwro"}}); resp.StatusCode != http.StatusUnauthorized || !strings.Contains(body, "unknown or revoked token") {
		t.Errorf("login with a bad token = %d", resp.StatusCode)
	}
	resp = b.login(e.Viewer, "/findings?severity=critical")
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/findings?severity=critical" {
		t.Fatalf("login = %d → %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	var session *http.Cookie
	for _, c := range resp.Cookies() {
		if c.Name == "onus_session" {
			session = c
		}
	}
	if session == nil || !session.HttpOnly || session.SameSite != http.SameSiteStrictMode || session.Secure {
		t.Errorf("session cookie = %+v, want HttpOnly, SameSite=Strict (not Secure over plain HTTP)", session)
	}

	resp, page = b.do("GET", "/", nil)
	for _, want := range []string{"Responsibility matrix", "kubernetes-workloads", "operating-system", "heat-warm", "<svg", "acme/shop", "Gaps", `href="/findings?status=fail&amp;team=unassigned">unassigned</a></td><td>4</td>`, `layer=operating-system">operating-system</a></td><td>4</td>`} {
		if !strings.Contains(page, want) {
			t.Errorf("overview lacks %q", want)
		}
	}
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") {
		t.Errorf("CSP = %q", csp)
	}
	_, page = b.do("GET", "/findings?severity=critical&status=fail", nil)
	links := regexp.MustCompile(`href="/findings/(\d+)"`).FindAllStringSubmatch(page, -1)
	if len(links) != 4 {
		t.Fatalf("critical failing findings listed = %d, want 4:\n%s", len(links), page)
	}
	resp, page = b.do("GET", "/findings/"+links[0][1], nil)
	if resp.StatusCode != 200 || !strings.Contains(page, "How to fix it") || !strings.Contains(page, "ONUS-K8S-001") {
		t.Errorf("finding page = %d", resp.StatusCode)
	}
	_, page = b.do("GET", "/findings?status=waived", nil)
	if !strings.Contains(page, "DaemonSet/ops/agent") || strings.Contains(page, "Deployment/web/api") {
		t.Errorf("waived filter shows the wrong findings")
	}
	for _, p := range []string{"/reports", "/reports/1", "/trends", "/trends?by=upload", "/decisions", "/static/style.css"} {
		if resp, _ := b.do("GET", p, nil); resp.StatusCode != 200 {
			t.Errorf("GET %s = %d", p, resp.StatusCode)
		}
	}
	for _, p := range []string{"/reports/999", "/findings/999", "/findings/x"} {
		if resp, _ := b.do("GET", p, nil); resp.StatusCode != 404 {
			t.Errorf("GET %s = %d, want 404", p, resp.StatusCode)
		}
	}

	// logging out needs the CSRF token and ends the session on the server
	_, page = b.do("GET", "/", nil)
	if resp, _ := b.do("POST", "/logout", url.Values{}); resp.StatusCode != http.StatusForbidden {
		t.Errorf("logout without CSRF = %d, want 403", resp.StatusCode)
	}
	if resp, _ := b.do("POST", "/logout", url.Values{"csrf": {b.csrf(page)}}); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("logout = %d", resp.StatusCode)
	}
	replay := newBrowser(t, e)
	u, _ := url.Parse(e.URL)
	replay.client.Jar.SetCookies(u, []*http.Cookie{{Name: "onus_session", Value: session.Value}})
	if resp, _ := replay.do("GET", "/", nil); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("the session still works after logout: %d", resp.StatusCode)
	}
}

func TestLoginRolesAndRedirects(t *testing.T) {
	e := servertest.Start(t, nil, server.AppOptions{})
	b := newBrowser(t, e)
	if resp := b.login(e.Uploader, "/"); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("uploader login = %d", resp.StatusCode)
	}
	if resp, _ := b.do("GET", "/", nil); resp.StatusCode != http.StatusForbidden {
		t.Errorf("an uploader token reads the dashboard: %d, want 403", resp.StatusCode)
	}
	for _, next := range []string{"//evil.example/x", "https://evil.example/", "/\\evil.example"} {
		b := newBrowser(t, e)
		if resp := b.login(e.Admin, next); resp.Header.Get("Location") != "/" {
			t.Errorf("login with next=%q redirects to %q, want /", next, resp.Header.Get("Location"))
		}
	}
	// revoking the token ends the session at once
	b = newBrowser(t, e)
	b.login(e.Viewer, "/")
	toks, _ := e.Store.ListTokens(t.Context())
	for _, tk := range toks {
		if tk.Role == store.Viewer {
			e.Store.RevokeToken(t.Context(), tk.ID)
		}
	}
	if resp, _ := b.do("GET", "/", nil); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("a revoked token's session still reads pages: %d", resp.StatusCode)
	}
}
