package server_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/onus-project/onus/internal/server"
	"github.com/onus-project/onus/internal/server/admission"
	"github.com/onus-project/onus/internal/server/servertest"
	"github.com/onus-project/onus/internal/store"
	"github.com/onus-project/onus/internal/store/postgres"
	"github.com/onus-project/onus/internal/store/storetest"
)

// TestTwoReplicasOverPostgres runs two servers over one PostgreSQL
// database, as two replicas behind a Kubernetes Service: whatever one
// stores, the other serves — reports, tokens, dashboard sessions and
// admission decisions.
func TestTwoReplicasOverPostgres(t *testing.T) {
	dsn := storetest.FreshSchema(t, storetest.PostgresDSN(t))
	open := func() store.Store {
		st, err := postgres.Open(t.Context(), dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	}
	a := servertest.Start(t, open(), server.AppOptions{Record: admission.RecordAll})
	b := servertest.Start(t, open(), server.AppOptions{Record: admission.RecordAll})

	report, err := os.ReadFile("api/testdata/report.json")
	if err != nil {
		t.Fatal(err)
	}
	// uploads alternate between the replicas, concurrently
	const n = 12
	ids := make([]int64, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			e := a
			if i%2 == 1 {
				e = b
			}
			code, body, _ := e.Do(t, "POST", "/api/v1/reports", e.Uploader, "application/json", report, "Onus-Repository", fmt.Sprintf("acme/r%d", i%3))
			if code != 201 {
				t.Errorf("upload %d = %d %s", i, code, body)
				return
			}
			var out struct{ ID int64 }
			json.Unmarshal(body, &out)
			ids[i] = out.ID
		}()
	}
	wg.Wait()
	seen := map[int64]bool{}
	for _, id := range ids {
		if seen[id] {
			t.Errorf("id %d given twice", id)
		}
		seen[id] = true
	}
	// a token of replica A reads, through replica B, a report stored by A
	code, body, _ := b.Do(t, "GET", fmt.Sprintf("/api/v1/reports/%d", ids[0]), a.Viewer, "", nil)
	if code != 200 || !strings.Contains(string(body), `"repository":"acme/r0"`) {
		t.Fatalf("replica B reading A's report = %d %.200s", code, body)
	}
	code, body, _ = a.Do(t, "GET", "/api/v1/reports?limit=100", b.Viewer, "", nil)
	var list struct{ Items []store.ReportHeader }
	json.Unmarshal(body, &list)
	if code != 200 || len(list.Items) != n {
		t.Errorf("replica A lists %d reports (%d), want %d", len(list.Items), code, n)
	}
	code, body, _ = b.Do(t, "GET", "/api/v1/matrix", a.Viewer, "", nil)
	if code != 200 || !strings.Contains(string(body), `"repositories":["acme/r0","acme/r1","acme/r2"]`) {
		t.Errorf("matrix on B = %d %.300s", code, body)
	}

	// a dashboard session made on A is valid on B
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(a.URL + "/login")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	csrf := regexp.MustCompile(`name="csrf" value="([^"]+)"`).FindStringSubmatch(string(page))
	if csrf == nil {
		t.Fatal("no CSRF token on the login page")
	}
	resp, err = client.PostForm(a.URL+"/login", url.Values{"csrf": {csrf[1]}, "token": {a.Viewer}, "next": {"/"}})
	if err != nil || resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("login on A = %v %v", resp.StatusCode, err)
	}
	resp.Body.Close()
	ua, _ := url.Parse(a.URL)
	ub, _ := url.Parse(b.URL)
	jar.SetCookies(ub, jar.Cookies(ua))
	resp, err = client.Get(b.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("the session from A on B = %d, want 200", resp.StatusCode)
	}

	// a decision made by A is in the audit log B serves
	rv, err := os.ReadFile("admission/testdata/create-privileged.json")
	if err != nil {
		t.Fatal(err)
	}
	if code, body, _ := a.Do(t, "POST", "/v1/admit", "", "application/json", rv); code != 200 || !strings.Contains(string(body), `"allowed":false`) {
		t.Fatalf("admission on A = %d %s", code, body)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		_, body, _ := b.Do(t, "GET", "/api/v1/decisions", b.Viewer, "", nil)
		if strings.Contains(string(body), `"action":"deny"`) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("A's decision never reached B: %s", body)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
