// Package storetest is the conformance suite every store.Store passes:
// the same tests run against SQLite and PostgreSQL.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/onus-project/onus/internal/finding"
	"github.com/onus-project/onus/internal/report"
	"github.com/onus-project/onus/internal/resource"
	"github.com/onus-project/onus/internal/store"
)

// Opener opens a new connection to one fresh, empty database; calling it
// twice gives two independent stores over the same data (two replicas).
type Opener func(ctx context.Context) (store.Store, error)

// Run runs the conformance suite. newDB is called once per test and must
// return an opener of a database no other test uses.
func Run(t *testing.T, newDB func(t *testing.T) Opener) {
	tests := []struct {
		name string
		fn   func(t *testing.T, open Opener)
	}{
		{"ReportRoundTrip", testReportRoundTrip},
		{"ListReports", testListReports},
		{"LatestAndFindings", testLatestAndFindings},
		{"Matrix", testMatrix},
		{"Tokens", testTokens},
		{"Sessions", testSessions},
		{"Bootstrap", testBootstrap},
		{"Decisions", testDecisions},
		{"ConcurrentUploads", testConcurrentUploads},
		{"TwoReplicas", testTwoReplicas},
		{"Reopen", testReopen},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.fn(t, newDB(t))
		})
	}
}

func mustOpen(t *testing.T, open Opener) store.Store {
	t.Helper()
	s, err := open(t.Context())
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// Finding returns a finding for tests.
func Finding(rule string, sev finding.Severity, layer finding.Layer, team, file string, line int) finding.Finding {
	f := finding.Finding{
		Rule: rule, Title: "title of " + rule, Severity: sev, Category: finding.WorkloadIsolation, Layer: layer,
		Owner: finding.Customer, ServiceModel: finding.CaaS, Service: "kubernetes-workloads", Team: team,
		Resource: finding.ResourceRef{Address: "Deployment/web/api", Type: "Deployment", Name: "api", Kind: resource.Kubernetes, Provider: "kubernetes", Namespace: "web"},
		Location: finding.Location{File: file, StartLine: line, EndLine: line},
		Message:  "message of " + rule, Remediation: "fix " + rule, Controls: map[string][]string{"nist-800-53": {"AC-6"}},
		Status: finding.Fail,
	}
	f.ComputeFingerprint()
	return f
}

// Report returns a report holding fs for tests.
func Report(generated time.Time, fs ...finding.Finding) *report.Report {
	return report.Build(report.Input{
		Tool: report.Tool{Name: "onus", Version: "test"}, Now: generated, Roots: []string{"."},
		Findings: fs, Files: 1, Resources: 1, Checks: len(fs) + 3,
		Gaps: []report.Gap{{Kind: "uncovered", Service: "kubernetes-workloads", ServiceModel: finding.CaaS, Layer: finding.DataAccess, Owner: finding.Customer, Resources: 1, Message: "no policy covers data access"}},
	})
}

func save(t *testing.T, s store.Store, meta store.ReportMeta, rep *report.Report) int64 {
	t.Helper()
	id, err := s.SaveReport(t.Context(), meta, rep)
	if err != nil {
		t.Fatalf("SaveReport: %v", err)
	}
	if id <= 0 {
		t.Fatalf("SaveReport returned id %d", id)
	}
	return id
}

var t0 = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

func testReportRoundTrip(t *testing.T, open Opener) {
	s := mustOpen(t, open)
	ctx := t.Context()
	if err := s.Ping(ctx); err != nil {
		t.Fatalf("Ping: %v", err)
	}
	rep := Report(t0,
		Finding("ONUS-K8S-001", finding.Critical, finding.OperatingSystem, "payments", "k8s/api.yaml", 14),
		Finding("ONUS-K8S-002", finding.Low, finding.Application, "", "k8s/api.yaml", 20))
	rep.Findings[1].Status = finding.Waived
	rep.Findings[1].Waiver = &finding.Waiver{Source: "inline", Reason: "accepted"}
	rep.Recount()
	meta := store.ReportMeta{Repository: "acme/shop", Commit: "abc123", Branch: "main"}
	before := time.Now().Add(-time.Second)
	id := save(t, s, meta, rep)
	got, err := s.GetReport(ctx, id)
	if err != nil {
		t.Fatalf("GetReport: %v", err)
	}
	if got.ReportMeta != meta || got.ID != id {
		t.Errorf("header = %+v, want id %d and %+v", got.ReportHeader, id, meta)
	}
	if got.UploadedAt.Before(before) || got.UploadedAt.After(time.Now().Add(time.Second)) {
		t.Errorf("uploaded_at %v is not now", got.UploadedAt)
	}
	if !got.GeneratedAt.Equal(t0) {
		t.Errorf("generated_at = %v, want %v", got.GeneratedAt, t0)
	}
	if diff := cmp.Diff(rep.Summary, got.Summary); diff != "" {
		t.Errorf("summary (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(rep.Findings, got.Document.Findings); diff != "" {
		t.Errorf("document findings (-want +got):\n%s", diff)
	}
	if got.Document.Schema != report.Schema || len(got.Document.Gaps) != 1 {
		t.Errorf("document = schema %q, %d gaps", got.Document.Schema, len(got.Document.Gaps))
	}
	if _, err := s.GetReport(ctx, id+1000); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("GetReport(missing) = %v, want ErrNotFound", err)
	}
	fs, err := s.ListFindings(ctx, store.FindingFilter{ReportID: id})
	if err != nil {
		t.Fatalf("ListFindings: %v", err)
	}
	if len(fs) != 2 || fs[0].Rule != "ONUS-K8S-001" || fs[1].Status != finding.Waived {
		t.Fatalf("findings = %+v, want critical first then the waived low", fs)
	}
	one, err := s.GetFinding(ctx, fs[1].ID)
	if err != nil {
		t.Fatalf("GetFinding: %v", err)
	}
	if one.Repository != "acme/shop" || one.Commit != "abc123" || one.Waiver == nil || one.Waiver.Reason != "accepted" {
		t.Errorf("GetFinding = %+v", one)
	}
	if _, err := s.GetFinding(ctx, fs[1].ID+1000); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("GetFinding(missing) = %v, want ErrNotFound", err)
	}
}

func testListReports(t *testing.T, open Opener) {
	s := mustOpen(t, open)
	ctx := t.Context()
	var ids []int64
	for i, m := range []store.ReportMeta{
		{Repository: "acme/a", Branch: "main"}, {Repository: "acme/b", Branch: "main"},
		{Repository: "acme/a", Branch: "dev"}, {Repository: "acme/a", Branch: "main"},
	} {
		ids = append(ids, save(t, s, m, Report(t0.Add(time.Duration(i)*time.Hour))))
	}
	idsOf := func(hs []store.ReportHeader) []int64 {
		out := []int64{}
		for _, h := range hs {
			out = append(out, h.ID)
		}
		return out
	}
	for _, tc := range []struct {
		name string
		f    store.ReportFilter
		want []int64
	}{
		{"all newest first", store.ReportFilter{}, []int64{ids[3], ids[2], ids[1], ids[0]}},
		{"by repository", store.ReportFilter{Repository: "acme/a"}, []int64{ids[3], ids[2], ids[0]}},
		{"by branch", store.ReportFilter{Repository: "acme/a", Branch: "main"}, []int64{ids[3], ids[0]}},
		{"page 1", store.ReportFilter{Limit: 2}, []int64{ids[3], ids[2]}},
		{"page 2", store.ReportFilter{Limit: 2, Before: ids[2]}, []int64{ids[1], ids[0]}},
		{"none", store.ReportFilter{Repository: "acme/none"}, []int64{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.ListReports(ctx, tc.f)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, idsOf(got)); diff != "" {
				t.Errorf("ids (-want +got):\n%s", diff)
			}
		})
	}
	latest, err := s.LatestReports(ctx, store.ReportFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]int64{ids[3], ids[1]}, idsOf(latest)); diff != "" {
		t.Errorf("latest (-want +got):\n%s", diff)
	}
	latest, err = s.LatestReports(ctx, store.ReportFilter{Branch: "dev"})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]int64{ids[2]}, idsOf(latest)); diff != "" {
		t.Errorf("latest on dev (-want +got):\n%s", diff)
	}
}

func testLatestAndFindings(t *testing.T, open Opener) {
	s := mustOpen(t, open)
	ctx := t.Context()
	// an old report of acme/a, superseded: its findings are not current
	save(t, s, store.ReportMeta{Repository: "acme/a"}, Report(t0,
		Finding("OLD-1", finding.High, finding.Network, "platform", "old.yaml", 1)))
	save(t, s, store.ReportMeta{Repository: "acme/a"}, Report(t0.Add(time.Hour),
		Finding("K-1", finding.Critical, finding.OperatingSystem, "payments", "a.yaml", 3),
		Finding("K-2", finding.Medium, finding.Network, "platform", "a.yaml", 9)))
	bid := save(t, s, store.ReportMeta{Repository: "acme/b"}, Report(t0.Add(time.Hour),
		Finding("K-3", finding.Low, finding.Application, "", "b.yaml", 2)))
	// acme/c: a feature branch, then main uploaded last
	save(t, s, store.ReportMeta{Repository: "acme/c", Branch: "feature"}, Report(t0.Add(2*time.Hour),
		Finding("K-4", finding.Low, finding.Application, "", "c.yaml", 2)))
	save(t, s, store.ReportMeta{Repository: "acme/c", Branch: "main"}, Report(t0.Add(time.Hour),
		Finding("K-5", finding.Low, finding.Application, "", "c.yaml", 2)))
	rules := func(f store.FindingFilter) []string {
		t.Helper()
		fs, err := s.ListFindings(ctx, f)
		if err != nil {
			t.Fatalf("ListFindings(%+v): %v", f, err)
		}
		out := []string{}
		for _, x := range fs {
			out = append(out, x.Rule)
		}
		return out
	}
	for _, tc := range []struct {
		name string
		f    store.FindingFilter
		want []string
	}{
		{"latest of each repository", store.FindingFilter{}, []string{"K-1", "K-2", "K-3", "K-5"}},
		{"latest of each repository on a branch", store.FindingFilter{Branch: "feature"}, []string{"K-4"}},
		{"team", store.FindingFilter{Team: "platform"}, []string{"K-2"}},
		{"unassigned team", store.FindingFilter{Team: "unassigned", Rule: "K-3"}, []string{"K-3"}},
		{"owner", store.FindingFilter{Owner: "customer", Repository: "acme/a"}, []string{"K-1", "K-2"}},
		{"layer", store.FindingFilter{Layer: "network"}, []string{"K-2"}},
		{"severity", store.FindingFilter{Severity: "critical"}, []string{"K-1"}},
		{"status", store.FindingFilter{Status: "waived"}, []string{}},
		{"repository", store.FindingFilter{Repository: "acme/b"}, []string{"K-3"}},
		{"rule", store.FindingFilter{Rule: "K-2"}, []string{"K-2"}},
		{"one report", store.FindingFilter{ReportID: bid}, []string{"K-3"}},
		{"limit", store.FindingFilter{Limit: 1}, []string{"K-1"}},
		{"offset", store.FindingFilter{Limit: 1, Offset: 1}, []string{"K-2"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, rules(tc.f)); diff != "" {
				t.Errorf("rules (-want +got):\n%s", diff)
			}
		})
	}
}

func testMatrix(t *testing.T, open Opener) {
	s := mustOpen(t, open)
	ctx := t.Context()
	save(t, s, store.ReportMeta{Repository: "acme/a"}, Report(t0,
		Finding("K-1", finding.Critical, finding.OperatingSystem, "payments", "a.yaml", 3),
		Finding("K-2", finding.Medium, finding.OperatingSystem, "platform", "a.yaml", 9)))
	save(t, s, store.ReportMeta{Repository: "acme/b"}, Report(t0,
		Finding("K-1", finding.Critical, finding.OperatingSystem, "payments", "b.yaml", 3)))
	latest, err := s.LatestReports(ctx, store.ReportFilter{})
	if err != nil {
		t.Fatal(err)
	}
	cells := store.MergeCells(latest)
	if len(cells) != len(finding.Layers) {
		t.Fatalf("got %d cells, want one per layer of the one service: %+v", len(cells), cells)
	}
	var os, data store.Cell
	for _, c := range cells {
		switch c.Layer {
		case finding.OperatingSystem:
			os = c
		case finding.DataAccess:
			data = c
		}
	}
	if os.Failed != 3 || os.Owner != finding.Customer || !cmp.Equal(os.Teams, []string{"payments", "platform"}) || !cmp.Equal(os.Repositories, []string{"acme/a", "acme/b"}) {
		t.Errorf("operating-system cell = %+v", os)
	}
	if data.Failed != 0 || !cmp.Equal(data.Gaps, []string{"uncovered"}) {
		t.Errorf("data-access cell = %+v, want the uncovered gap", data)
	}
}

func testTokens(t *testing.T, open Opener) {
	s := mustOpen(t, open)
	ctx := t.Context()
	plain, hash, err := store.NewSecret()
	if err != nil {
		t.Fatal(err)
	}
	if !store.ValidSecret(plain) || !store.EqualHash(hash, store.Hash(plain)) {
		t.Fatalf("secret %q does not check", plain)
	}
	tok, err := s.CreateToken(ctx, store.Token{Name: "ci", Role: store.Uploader, Prefix: store.DisplayPrefix(plain), Hash: hash})
	if err != nil {
		t.Fatal(err)
	}
	if tok.ID <= 0 {
		t.Fatalf("token id %d", tok.ID)
	}
	if _, err := s.CreateToken(ctx, store.Token{Name: "dup", Role: store.Viewer, Hash: hash}); err == nil {
		t.Errorf("a second token with the same hash was accepted")
	}
	if _, err := s.CreateToken(ctx, store.Token{Name: "bad", Role: "root", Hash: store.Hash("x")}); err == nil {
		t.Errorf("an unknown role was accepted")
	}
	got, err := s.TokenByHash(ctx, hash)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != tok.ID || got.Role != store.Uploader || got.Name != "ci" || got.RevokedAt != nil {
		t.Errorf("TokenByHash = %+v", got)
	}
	if err := s.EnsureToken(ctx, store.Token{Name: "again", Role: store.Uploader, Hash: hash}); err != nil {
		t.Errorf("EnsureToken of an existing hash: %v", err)
	}
	if err := s.EnsureToken(ctx, store.Token{Name: "env", Role: store.Admin, Hash: store.Hash("other")}); err != nil {
		t.Errorf("EnsureToken: %v", err)
	}
	list, err := s.ListTokens(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].Name != "ci" || list[1].Role != store.Admin {
		t.Errorf("ListTokens = %+v", list)
	}
	if err := s.RevokeToken(ctx, tok.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.TokenByHash(ctx, hash); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("revoked token still found: %v", err)
	}
	if err := s.RevokeToken(ctx, 99999); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("RevokeToken(missing) = %v, want ErrNotFound", err)
	}
	list, _ = s.ListTokens(ctx)
	if list[0].RevokedAt == nil {
		t.Errorf("revoked token lists without revoked_at")
	}
}

func testSessions(t *testing.T, open Opener) {
	s := mustOpen(t, open)
	ctx := t.Context()
	tok, err := s.CreateToken(ctx, store.Token{Name: "viewer", Role: store.Viewer, Hash: store.Hash("viewer-token")})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now().UTC().Truncate(time.Second)
	live := store.Session{Hash: store.Hash("s1"), TokenID: tok.ID, CreatedAt: now, ExpiresAt: now.Add(time.Hour)}
	expired := store.Session{Hash: store.Hash("s2"), TokenID: tok.ID, CreatedAt: now.Add(-2 * time.Hour), ExpiresAt: now.Add(-time.Hour)}
	for _, se := range []store.Session{live, expired} {
		if err := s.CreateSession(ctx, se); err != nil {
			t.Fatal(err)
		}
	}
	se, st, err := s.SessionByHash(ctx, live.Hash, now)
	if err != nil {
		t.Fatal(err)
	}
	if st.ID != tok.ID || st.Role != store.Viewer || !se.ExpiresAt.Equal(live.ExpiresAt) {
		t.Errorf("SessionByHash = %+v, %+v", se, st)
	}
	if _, _, err := s.SessionByHash(ctx, expired.Hash, now); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("expired session: %v, want ErrNotFound", err)
	}
	if _, _, err := s.SessionByHash(ctx, live.Hash, now.Add(2*time.Hour)); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("session after expiry: %v, want ErrNotFound", err)
	}
	if err := s.DeleteSession(ctx, live.Hash); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.SessionByHash(ctx, live.Hash, now); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("deleted session: %v, want ErrNotFound", err)
	}
	// revoking the token ends its sessions
	again := store.Session{Hash: store.Hash("s3"), TokenID: tok.ID, CreatedAt: now, ExpiresAt: now.Add(time.Hour)}
	if err := s.CreateSession(ctx, again); err != nil {
		t.Fatal(err)
	}
	if err := s.RevokeToken(ctx, tok.ID); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.SessionByHash(ctx, again.Hash, now); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("session of a revoked token: %v, want ErrNotFound", err)
	}
}

func testBootstrap(t *testing.T, open Opener) {
	a, b := mustOpen(t, open), mustOpen(t, open)
	ctx := t.Context()
	var wg sync.WaitGroup
	created := make([]bool, 8)
	errs := make([]error, 8)
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := a
			if i%2 == 1 {
				s = b
			}
			created[i], errs[i] = s.Bootstrap(ctx, store.Token{Name: "bootstrap", Role: store.Admin, Hash: store.Hash(fmt.Sprint("boot", i))})
		}()
	}
	wg.Wait()
	n := 0
	for i := range created {
		if errs[i] != nil {
			t.Errorf("Bootstrap %d: %v", i, errs[i])
		}
		if created[i] {
			n++
		}
	}
	if n != 1 {
		t.Fatalf("%d bootstraps created a token, want exactly 1", n)
	}
	list, err := a.ListTokens(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].Role != store.Admin {
		t.Errorf("tokens after bootstrap = %+v", list)
	}
	again, err := a.Bootstrap(ctx, store.Token{Name: "later", Role: store.Admin, Hash: store.Hash("later")})
	if err != nil || again {
		t.Errorf("a later Bootstrap = %v, %v; want false, nil", again, err)
	}
}

func testDecisions(t *testing.T, open Opener) {
	s := mustOpen(t, open)
	ctx := t.Context()
	ds := []store.Decision{
		{Time: t0, UID: "u1", Operation: "CREATE", Kind: "apps/v1/Deployment", Namespace: "web", Name: "api", User: "alice", Action: "deny", Allowed: false, Rules: []string{"ONUS-K8S-001"}, Message: "privileged"},
		{Time: t0.Add(time.Second), UID: "u2", Operation: "UPDATE", Kind: "apps/v1/Deployment", Namespace: "web", Name: "api", User: "alice", Action: "warn", Allowed: true, Rules: []string{"ONUS-K8S-009"}},
		{Time: t0.Add(2 * time.Second), UID: "u3", Operation: "CREATE", Kind: "v1/Pod", Namespace: "batch", Name: "job", Action: "allow", Allowed: true},
	}
	if err := s.RecordDecisions(ctx, ds); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordDecisions(ctx, nil); err != nil {
		t.Fatalf("RecordDecisions(nil): %v", err)
	}
	got, err := s.ListDecisions(ctx, store.DecisionFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[0].UID != "u3" || got[2].UID != "u1" {
		t.Fatalf("ListDecisions = %+v, want newest first", got)
	}
	want := ds[0]
	want.ID = got[2].ID
	if diff := cmp.Diff(want, got[2]); diff != "" {
		t.Errorf("decision (-want +got):\n%s", diff)
	}
	if got[0].Rules == nil || len(got[0].Rules) != 0 {
		t.Errorf("a decision without rules reads back as %#v, want []", got[0].Rules)
	}
	byNS, _ := s.ListDecisions(ctx, store.DecisionFilter{Namespace: "web", Action: "deny"})
	if len(byNS) != 1 || byNS[0].UID != "u1" {
		t.Errorf("filtered decisions = %+v", byNS)
	}
	page, _ := s.ListDecisions(ctx, store.DecisionFilter{Before: got[0].ID, Limit: 1})
	if len(page) != 1 || page[0].UID != "u2" {
		t.Errorf("paged decisions = %+v", page)
	}
}

func testConcurrentUploads(t *testing.T, open Opener) {
	s := mustOpen(t, open)
	ctx := t.Context()
	const n = 16
	ids := make([]int64, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ids[i], errs[i] = s.SaveReport(ctx, store.ReportMeta{Repository: fmt.Sprintf("acme/r%d", i%4)},
				Report(t0, Finding("K-1", finding.High, finding.Network, "t", "f.yaml", i+1)))
		}()
	}
	wg.Wait()
	seen := map[int64]bool{}
	for i := range n {
		if errs[i] != nil {
			t.Fatalf("upload %d: %v", i, errs[i])
		}
		if seen[ids[i]] {
			t.Fatalf("id %d given twice", ids[i])
		}
		seen[ids[i]] = true
	}
	all, err := s.ListReports(ctx, store.ReportFilter{Limit: 100})
	if err != nil || len(all) != n {
		t.Fatalf("ListReports = %d reports, %v; want %d", len(all), err, n)
	}
	fs, err := s.ListFindings(ctx, store.FindingFilter{})
	if err != nil || len(fs) != 4 {
		t.Errorf("current findings = %d, %v; want one per repository (4)", len(fs), err)
	}
}

func testTwoReplicas(t *testing.T, open Opener) {
	a, b := mustOpen(t, open), mustOpen(t, open)
	ctx := t.Context()
	id := save(t, a, store.ReportMeta{Repository: "acme/a"}, Report(t0, Finding("K-1", finding.High, finding.Network, "t", "f.yaml", 1)))
	got, err := b.GetReport(ctx, id)
	if err != nil {
		t.Fatalf("the other replica cannot read the report: %v", err)
	}
	if got.Repository != "acme/a" || len(got.Document.Findings) != 1 {
		t.Errorf("other replica read %+v", got.ReportHeader)
	}
	tok, err := b.CreateToken(ctx, store.Token{Name: "x", Role: store.Viewer, Hash: store.Hash("replica")})
	if err != nil {
		t.Fatal(err)
	}
	if got, err := a.TokenByHash(ctx, store.Hash("replica")); err != nil || got.ID != tok.ID {
		t.Errorf("token created on one replica, read on the other: %+v, %v", got, err)
	}
}

func testReopen(t *testing.T, open Opener) {
	s := mustOpen(t, open)
	id := save(t, s, store.ReportMeta{Repository: "acme/a"}, Report(t0))
	s.Close()
	// opening again finds the schema current and the data there
	s2 := mustOpen(t, open)
	if _, err := s2.GetReport(t.Context(), id); err != nil {
		t.Fatalf("after reopening: %v", err)
	}
}
