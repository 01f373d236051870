package api_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/onus-project/onus/internal/report"
	"github.com/onus-project/onus/internal/server"
	"github.com/onus-project/onus/internal/server/servertest"
	"github.com/onus-project/onus/internal/store"
	"github.com/onus-project/onus/internal/store/sqlite"
)

func readReport(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/report.json")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

const jsonCT = "application/json"

func upload(t *testing.T, e *servertest.Env, repo, branch string, body []byte) int64 {
	t.Helper()
	code, b, h := e.Do(t, "POST", "/api/v1/reports", e.Uploader, jsonCT, body, "Onus-Repository", repo, "Onus-Branch", branch, "Onus-Commit", "c0ffee")
	if code != http.StatusCreated {
		t.Fatalf("upload = %d %s, want 201", code, b)
	}
	var out struct {
		ID       int64  `json:"id"`
		URL      string `json:"url"`
		Findings int    `json:"findings"`
	}
	if err := json.Unmarshal(b, &out); err != nil || out.ID <= 0 {
		t.Fatalf("upload answered %s (%v)", b, err)
	}
	if h.Get("Location") != out.URL || out.URL != fmt.Sprintf("/api/v1/reports/%d", out.ID) {
		t.Errorf("Location %q, url %q", h.Get("Location"), out.URL)
	}
	return out.ID
}

func decode[T any](t *testing.T, b []byte) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("decode %s: %v", b, err)
	}
	return v
}

func TestUploadAndRead(t *testing.T) {
	e := servertest.Start(t, nil, server.AppOptions{})
	body := readReport(t)
	id1 := upload(t, e, "acme/shop", "main", body)
	id2 := upload(t, e, "acme/shop", "main", body)
	id3 := upload(t, e, "acme/ops", "dev", body)

	// the upload is committed: another connection to the database sees it
	code, b, _ := e.Do(t, "GET", fmt.Sprintf("/api/v1/reports/%d", id2), e.Viewer, "", nil)
	if code != 200 {
		t.Fatalf("GET report = %d %s", code, b)
	}
	got := decode[store.Report](t, b)
	if got.Repository != "acme/shop" || got.Branch != "main" || got.Commit != "c0ffee" || got.Document.Schema != report.Schema || len(got.Document.Findings) != 3 {
		t.Errorf("report = %+v", got.ReportHeader)
	}

	code, b, _ = e.Do(t, "GET", "/api/v1/reports?limit=2", e.Viewer, "", nil)
	list := decode[struct {
		Items []store.ReportHeader `json:"items"`
		Next  string               `json:"next"`
	}](t, b)
	if code != 200 || len(list.Items) != 2 || list.Items[0].ID != id3 || list.Items[1].ID != id2 || !strings.Contains(list.Next, fmt.Sprintf("before=%d", id2)) {
		t.Fatalf("list = %d %+v", code, list)
	}
	_, b, _ = e.Do(t, "GET", list.Next, e.Viewer, "", nil)
	if page := decode[struct{ Items []store.ReportHeader }](t, b); len(page.Items) != 1 || page.Items[0].ID != id1 {
		t.Errorf("next page = %+v", page.Items)
	}
	_, b, _ = e.Do(t, "GET", "/api/v1/reports?repo=acme/ops&branch=dev", e.Viewer, "", nil)
	if page := decode[struct{ Items []store.ReportHeader }](t, b); len(page.Items) != 1 || page.Items[0].ID != id3 {
		t.Errorf("filtered = %+v", page.Items)
	}

	findings := func(q string) []store.FindingRecord {
		t.Helper()
		code, b, _ := e.Do(t, "GET", "/api/v1/findings"+q, e.Viewer, "", nil)
		if code != 200 {
			t.Fatalf("findings%s = %d %s", q, code, b)
		}
		return decode[struct{ Items []store.FindingRecord }](t, b).Items
	}
	// newest report of each repository: 3 findings each, not the older upload's
	if fs := findings(""); len(fs) != 6 {
		t.Errorf("current findings = %d, want 6", len(fs))
	}
	for _, fr := range findings("") {
		if fr.ReportID == id1 {
			t.Errorf("a finding of the superseded report %d is listed", id1)
		}
	}
	if fs := findings("?status=waived&repo=acme/shop"); len(fs) != 1 || fs[0].Resource.Name != "agent" {
		t.Errorf("waived = %+v", fs)
	}
	if fs := findings("?severity=critical&owner=shared&layer=operating-system&team=unassigned&status=fail"); len(fs) != 4 {
		t.Errorf("filtered findings = %d, want 4", len(fs))
	}
	if fs := findings(fmt.Sprintf("?report=%d", id1)); len(fs) != 3 || fs[0].ReportID != id1 {
		t.Errorf("findings of report %d = %+v", id1, fs)
	}
	one := findings("?repo=acme/ops")[0]
	code, b, _ = e.Do(t, "GET", fmt.Sprintf("/api/v1/findings/%d", one.ID), e.Viewer, "", nil)
	if f := decode[store.FindingRecord](t, b); code != 200 || f.Rule != one.Rule || f.Repository != "acme/ops" {
		t.Errorf("GET finding = %d %+v", code, f)
	}

	code, b, _ = e.Do(t, "GET", "/api/v1/matrix", e.Viewer, "", nil)
	m := decode[struct {
		Services []struct{ ID string }
		Cells    []store.Cell
		Reports  []int64
	}](t, b)
	if code != 200 || len(m.Services) != 1 || len(m.Reports) != 2 {
		t.Fatalf("matrix = %d %s", code, b)
	}
	for _, c := range m.Cells {
		if c.Layer == "operating-system" && (c.Failed != 4 || c.Waived != 2 || c.Owner != "shared") {
			t.Errorf("operating-system cell = %+v, want 4 failed, 2 waived, shared", c)
		}
	}

	code, b, _ = e.Do(t, "GET", "/api/v1/trends?by=upload", e.Viewer, "", nil)
	tr := decode[struct {
		By     string
		Points []struct {
			ReportID   int64          `json:"report_id"`
			Failed     int            `json:"failed"`
			BySeverity map[string]int `json:"by_severity"`
		}
	}](t, b)
	if code != 200 || tr.By != "upload" || len(tr.Points) != 3 || tr.Points[0].ReportID != id1 || tr.Points[2].Failed != 2 || tr.Points[2].BySeverity["critical"] != 2 {
		t.Errorf("trends by upload = %d %s", code, b)
	}
	_, b, _ = e.Do(t, "GET", "/api/v1/trends", e.Viewer, "", nil)
	day := decode[struct {
		By     string
		Points []struct {
			Day    string
			Failed int
		}
	}](t, b)
	// one day: the estate is the newest report of each of the two repositories
	if day.By != "day" || len(day.Points) != 1 || day.Points[0].Failed != 4 || day.Points[0].Day == "" {
		t.Errorf("trends by day = %s", b)
	}
}

func TestUploadErrors(t *testing.T) {
	e := servertest.Start(t, nil, server.AppOptions{MaxUpload: 4096})
	body := readReport(t)
	small := mustJSON(t, &report.Report{Schema: report.Schema})
	for _, tc := range []struct {
		name, token, ct string
		body            []byte
		header          []string
		code            int
		msg             string
	}{
		{"anonymous", "", jsonCT, small, []string{"Onus-Repository", "a/b"}, 401, "authentication required"},
		{"unknown token", "onus_0123456789012345678901234567890123456789", jsonCT, small, []string{"Onus-Repository", "a/b"}, 401, "invalid or revoked"},
		{"viewer", e.Viewer, jsonCT, small, []string{"Onus-Repository", "a/b"}, 403, "needs uploader"},
		{"not JSON", e.Uploader, "text/plain", small, []string{"Onus-Repository", "a/b"}, 415, "application/json"},
		{"no repository", e.Uploader, jsonCT, small, nil, 400, "repository is missing"},
		{"broken JSON", e.Uploader, jsonCT, []byte(`{"schema": `), []string{"Onus-Repository", "a/b"}, 400, "invalid report JSON"},
		{"wrong schema", e.Uploader, jsonCT, []byte(`{"schema": "other@v9"}`), []string{"Onus-Repository", "a/b"}, 422, "onus/report@v1"},
		{"bad severity", e.Uploader, jsonCT, []byte(`{"schema": "onus/report@v1", "findings": [{"rule": "X", "severity": "urgent", "layer": "network", "status": "fail"}]}`), []string{"Onus-Repository", "a/b"}, 422, "unknown severity"},
		{"too large", e.Uploader, jsonCT, body, []string{"Onus-Repository", "a/b"}, 413, "too large"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, b, _ := e.Do(t, "POST", "/api/v1/reports", tc.token, tc.ct, tc.body, tc.header...)
			if code != tc.code || !strings.Contains(string(b), tc.msg) {
				t.Errorf("= %d %s, want %d containing %q", code, b, tc.code, tc.msg)
			}
			if !strings.HasPrefix(string(b), `{"error":`) {
				t.Errorf("error body is not JSON {\"error\": ...}: %s", b)
			}
		})
	}
	// the query string carries metadata as well as the headers
	code, b, _ := e.Do(t, "POST", "/api/v1/reports?repo=acme/q&branch=main&commit=1", e.Uploader, jsonCT, small)
	if code != 201 {
		t.Fatalf("upload with query metadata = %d %s", code, b)
	}
	hs, _ := e.Store.ListReports(t.Context(), store.ReportFilter{})
	if len(hs) != 1 || hs[0].Repository != "acme/q" || hs[0].Branch != "main" {
		t.Errorf("stored %+v; rejected uploads must store nothing", hs)
	}
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// failingStore fails every write, as a database that is down would.
type failingStore struct{ store.Store }

func (failingStore) SaveReport(context.Context, store.ReportMeta, *report.Report) (int64, error) {
	return 0, errors.New("disk full")
}

func TestNoCreatedWithoutCommit(t *testing.T) {
	st, err := sqlite.Open(t.Context(), t.TempDir()+"/onus.db")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	e := servertest.Start(t, failingStore{st}, server.AppOptions{})
	code, b, _ := e.Do(t, "POST", "/api/v1/reports", e.Uploader, jsonCT, readReport(t), "Onus-Repository", "a/b")
	if code != http.StatusInternalServerError || strings.Contains(string(b), `"id"`) {
		t.Errorf("a failed write answered %d %s, want 500 without an id", code, b)
	}
}

func TestRoles(t *testing.T) {
	e := servertest.Start(t, nil, server.AppOptions{})
	id := upload(t, e, "acme/shop", "main", readReport(t))
	routes := []struct {
		method, path string
		body         string
		need         store.Role
	}{
		{"GET", "/api/v1/reports", "", store.Viewer},
		{"GET", fmt.Sprintf("/api/v1/reports/%d", id), "", store.Viewer},
		{"GET", "/api/v1/findings", "", store.Viewer},
		{"GET", "/api/v1/findings/1", "", store.Viewer},
		{"GET", "/api/v1/matrix", "", store.Viewer},
		{"GET", "/api/v1/trends", "", store.Viewer},
		{"GET", "/api/v1/decisions", "", store.Viewer},
		{"POST", "/api/v1/reports", `{"schema": "onus/report@v1"}`, store.Uploader},
		{"GET", "/api/v1/tokens", "", store.Admin},
		{"POST", "/api/v1/tokens", `{"name": "x", "role": "viewer"}`, store.Admin},
	}
	callers := []struct {
		role  store.Role
		token string
	}{{"", ""}, {store.Viewer, e.Viewer}, {store.Uploader, e.Uploader}, {store.Admin, e.Admin}}
	for _, rt := range routes {
		for _, c := range callers {
			t.Run(rt.method+" "+rt.path+" as "+string(c.role), func(t *testing.T) {
				code, b, h := e.Do(t, rt.method, rt.path, c.token, jsonCT, []byte(rt.body), "Onus-Repository", "acme/roles")
				want := http.StatusForbidden
				switch {
				case c.role == "":
					want = http.StatusUnauthorized
					if h.Get("WWW-Authenticate") == "" {
						t.Errorf("401 without WWW-Authenticate")
					}
				case c.role.Allows(rt.need):
					want = 0 // any success
				}
				if want == 0 {
					if code != 200 && code != 201 {
						t.Errorf("= %d %s, want success", code, b)
					}
				} else if code != want {
					t.Errorf("= %d %s, want %d", code, b, want)
				}
			})
		}
	}
}

func TestTokensAPI(t *testing.T) {
	e := servertest.Start(t, nil, server.AppOptions{})
	code, b, _ := e.Do(t, "POST", "/api/v1/tokens", e.Admin, jsonCT, []byte(`{"name": "ci", "role": "uploader"}`))
	created := decode[struct {
		Token string
		ID    int64
	}](t, b)
	if code != 201 || !store.ValidSecret(created.Token) {
		t.Fatalf("create token = %d %s", code, b)
	}
	if code, b, _ := e.Do(t, "POST", "/api/v1/reports", created.Token, jsonCT, []byte(`{"schema": "onus/report@v1"}`), "Onus-Repository", "a/b"); code != 201 {
		t.Errorf("new token cannot upload: %d %s", code, b)
	}
	code, b, _ = e.Do(t, "GET", "/api/v1/tokens", e.Admin, "", nil)
	if code != 200 || strings.Contains(string(b), created.Token) || strings.Contains(string(b), `"hash"`) {
		t.Errorf("token list leaks secrets or failed: %d %s", code, b)
	}
	if code, b, _ := e.Do(t, "DELETE", fmt.Sprintf("/api/v1/tokens/%d", created.ID), e.Admin, "", nil); code != 204 {
		t.Fatalf("revoke = %d %s", code, b)
	}
	if code, _, _ := e.Do(t, "POST", "/api/v1/reports", created.Token, jsonCT, []byte(`{"schema": "onus/report@v1"}`), "Onus-Repository", "a/b"); code != 401 {
		t.Errorf("revoked token answered %d, want 401", code)
	}
	for _, tc := range []struct{ body string }{{`{"name": "", "role": "viewer"}`}, {`{"name": "x", "role": "root"}`}, {`{"name": "x", "role": "viewer", "extra": 1}`}} {
		if code, _, _ := e.Do(t, "POST", "/api/v1/tokens", e.Admin, jsonCT, []byte(tc.body)); code != 400 {
			t.Errorf("create %s = %d, want 400", tc.body, code)
		}
	}
	if code, _, _ := e.Do(t, "DELETE", "/api/v1/tokens/9999", e.Admin, "", nil); code != 404 {
		t.Errorf("revoke missing = %d, want 404", code)
	}
}

func TestNotFoundAndMethods(t *testing.T) {
	e := servertest.Start(t, nil, server.AppOptions{})
	for _, tc := range []struct {
		method, path string
		code         int
		msg          string
	}{
		{"GET", "/api/v1/reports/999", 404, "not found"},
		{"GET", "/api/v1/reports/abc", 400, "positive integer"},
		{"GET", "/api/v1/findings/999", 404, "not found"},
		{"GET", "/api/v1/findings?severity=urgent", 400, "severity"},
		{"GET", "/api/v1/findings?limit=-1", 400, "limit"},
		{"GET", "/api/v1/trends?by=week", 400, "day or upload"},
		{"GET", "/api/v1/nothing", 404, "no API route"},
		{"DELETE", "/api/v1/reports", 405, "GET, POST"},
	} {
		t.Run(tc.method+" "+tc.path, func(t *testing.T) {
			code, b, _ := e.Do(t, tc.method, tc.path, e.Admin, "", nil)
			if code != tc.code || !strings.Contains(string(b), tc.msg) || !strings.HasPrefix(string(b), `{"error":`) {
				t.Errorf("= %d %s, want %d JSON error containing %q", code, b, tc.code, tc.msg)
			}
		})
	}
}
