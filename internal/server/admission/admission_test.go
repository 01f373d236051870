package admission_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	admissionv1 "k8s.io/api/admission/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/onus-project/onus/internal/finding"
	"github.com/onus-project/onus/internal/server"
	"github.com/onus-project/onus/internal/server/admission"
	"github.com/onus-project/onus/internal/server/servertest"
	"github.com/onus-project/onus/internal/store"
)

// review reads a testdata AdmissionReview and applies edits to its request.
func review(t *testing.T, file string, edit func(req map[string]any)) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + file)
	if err != nil {
		t.Fatal(err)
	}
	if edit == nil {
		return b
	}
	var r map[string]any
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatal(err)
	}
	edit(r["request"].(map[string]any))
	out, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func admit(t *testing.T, e *servertest.Env, body []byte) *admissionv1.AdmissionResponse {
	t.Helper()
	code, b, _ := e.Do(t, "POST", "/v1/admit", "", "application/json", body)
	if code != http.StatusOK {
		t.Fatalf("/v1/admit = %d %s", code, b)
	}
	var out admissionv1.AdmissionReview
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatalf("decode response %s: %v", b, err)
	}
	if out.APIVersion != "admission.k8s.io/v1" || out.Kind != "AdmissionReview" || out.Response == nil {
		t.Fatalf("response is not an AdmissionReview v1: %s", b)
	}
	var in admissionv1.AdmissionReview
	json.Unmarshal(body, &in)
	if out.Response.UID != in.Request.UID {
		t.Errorf("response uid %q, want the request's %q", out.Response.UID, in.Request.UID)
	}
	return out.Response
}

func setDryRun(req map[string]any) { req["dryRun"] = true }
func setNamespace(ns string) func(map[string]any) {
	return func(req map[string]any) {
		req["namespace"] = ns
		req["object"].(map[string]any)["metadata"].(map[string]any)["namespace"] = ns
	}
}

func TestAdmission(t *testing.T) {
	e := servertest.Start(t, nil, server.AppOptions{Record: admission.RecordAll})
	for _, tc := range []struct {
		name     string
		file     string
		edit     func(map[string]any)
		allowed  bool
		message  []string
		warnings int
	}{
		{name: "privileged is denied", file: "create-privileged.json", allowed: false,
			message: []string{"onus denied Deployment/web/api", "ONUS-K8S-001", "Container runs privileged", "fix:", "owner shared"}},
		{name: "hardened is allowed", file: "create-hardened.json", allowed: true},
		{name: "update judged on the new object", file: "update-to-privileged.json", allowed: false, message: []string{"ONUS-K8S-001"}},
		{name: "update back to hardened is allowed", file: "update-to-privileged.json", allowed: true, edit: func(req map[string]any) {
			req["object"], req["oldObject"] = req["oldObject"], req["object"]
		}},
		{name: "delete is allowed", file: "delete.json", allowed: true},
		{name: "connect is allowed", file: "create-privileged.json", allowed: true, edit: func(req map[string]any) { req["operation"] = "CONNECT" }},
		{name: "subresource is allowed", file: "create-privileged.json", allowed: true, edit: func(req map[string]any) { req["subResource"] = "status" }},
		{name: "kube-system is excluded", file: "create-privileged.json", allowed: true, edit: setNamespace("kube-system")},
		{name: "dry run is judged", file: "create-privileged.json", allowed: false, edit: setDryRun, message: []string{"ONUS-K8S-001"}},
		{name: "annotation waiver", file: "create-privileged.json", allowed: true, edit: func(req map[string]any) {
			md := req["object"].(map[string]any)["metadata"].(map[string]any)
			md["annotations"] = map[string]any{"onus.dev/ignore": "ONUS-K8S-001 the CNI agent needs it"}
		}},
		{name: "expired annotation waiver", file: "create-privileged.json", allowed: false, edit: func(req map[string]any) {
			md := req["object"].(map[string]any)["metadata"].(map[string]any)
			md["annotations"] = map[string]any{"onus.dev/ignore": "ONUS-K8S-001 exp:2020-01-01 old"}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp := admit(t, e, review(t, tc.file, tc.edit))
			if resp.Allowed != tc.allowed {
				t.Fatalf("allowed = %v, want %v (%+v)", resp.Allowed, tc.allowed, resp.Result)
			}
			if !tc.allowed {
				if resp.Result == nil || resp.Result.Code != 403 {
					t.Fatalf("denial without a 403 status: %+v", resp.Result)
				}
				for _, m := range tc.message {
					if !strings.Contains(resp.Result.Message, m) {
						t.Errorf("message %q lacks %q", resp.Result.Message, m)
					}
				}
			}
			if len(resp.Warnings) != tc.warnings {
				t.Errorf("warnings = %q, want %d", resp.Warnings, tc.warnings)
			}
		})
	}
	// the audit log: every non-dry-run decision (RecordAll), none of the dry run
	ds := waitDecisions(t, e.Store, 10)
	actions := map[string]int{}
	for _, d := range ds {
		if d.DryRun {
			t.Errorf("a dry-run decision was recorded: %+v", d)
		}
		actions[d.Action]++
	}
	if actions["deny"] != 3 || actions["excluded"] != 1 || actions["allow"] != 6 {
		t.Errorf("recorded actions = %v, want 3 deny, 1 excluded, 6 allow", actions)
	}
	var denied store.Decision
	for _, d := range ds {
		if d.Action == "deny" && d.Operation == "CREATE" {
			denied = d
		}
	}
	if denied.Kind != "apps/v1/Deployment" || denied.Namespace != "web" || denied.Name != "api" || denied.User != "alice@example.com" ||
		len(denied.Rules) != 1 || denied.Rules[0] != "ONUS-K8S-001" || denied.Allowed {
		t.Errorf("recorded denial = %+v", denied)
	}
	code, b, _ := e.Do(t, "GET", "/metrics", "", "", nil)
	if code != 200 || !strings.Contains(string(b), `onus_admission_decisions_total{action="deny",dry_run="true"} 1`) ||
		!strings.Contains(string(b), `onus_http_request_duration_seconds_bucket{code="200",method="POST",route="POST /v1/admit"`) {
		t.Errorf("metrics lack the admission counters or latency histogram:\n%s", grep(string(b), "onus_"))
	}
}

func grep(s, sub string) string {
	var out []string
	for l := range strings.SplitSeq(s, "\n") {
		if strings.Contains(l, sub) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

func waitDecisions(t *testing.T, st store.Store, want int) []store.Decision {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		ds, err := st.ListDecisions(t.Context(), store.DecisionFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(ds) >= want || time.Now().After(deadline) {
			if len(ds) != want {
				t.Fatalf("%d decisions recorded, want %d", len(ds), want)
			}
			return ds
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestActionsAndExclusions(t *testing.T) {
	sel, err := admission.ParseSelector("onus.dev/exclude=true")
	if err != nil {
		t.Fatal(err)
	}
	warn, _ := admission.ParseActions("critical=warn")
	e := servertest.Start(t, nil, server.AppOptions{Actions: warn, Record: admission.RecordFindings,
		Exclusions: admission.Exclusions{Namespaces: []string{"sandbox"}, Selector: sel}})
	resp := admit(t, e, review(t, "create-privileged.json", nil))
	if !resp.Allowed || len(resp.Warnings) != 1 || !strings.HasPrefix(resp.Warnings[0], "onus ONUS-K8S-001 critical: ") || !strings.Contains(resp.Warnings[0], "(fix: ") {
		t.Errorf("critical=warn: allowed %v, warnings %q", resp.Allowed, resp.Warnings)
	}
	// kube-system is not excluded when the list is replaced
	if resp := admit(t, e, review(t, "create-privileged.json", setNamespace("kube-system"))); !resp.Allowed || len(resp.Warnings) != 1 {
		t.Errorf("kube-system with a custom list: %+v", resp)
	}
	if resp := admit(t, e, review(t, "create-privileged.json", setNamespace("sandbox"))); !resp.Allowed || len(resp.Warnings) != 0 {
		t.Errorf("excluded namespace: %+v", resp)
	}
	labelled := func(req map[string]any) {
		req["object"].(map[string]any)["metadata"].(map[string]any)["labels"] = map[string]any{"onus.dev/exclude": "true"}
	}
	if resp := admit(t, e, review(t, "create-privileged.json", labelled)); !resp.Allowed || len(resp.Warnings) != 0 {
		t.Errorf("excluded label: %+v", resp)
	}
	// RecordFindings keeps the two warned decisions only
	ds := waitDecisions(t, e.Store, 2)
	for _, d := range ds {
		if d.Action != "warn" || !d.Allowed || !strings.Contains(d.Message, "ONUS-K8S-001") {
			t.Errorf("recorded %+v, want warn decisions", d)
		}
	}

	audit, _ := admission.ParseActions("critical=audit")
	e2 := servertest.Start(t, nil, server.AppOptions{Actions: audit})
	if resp := admit(t, e2, review(t, "create-privileged.json", nil)); !resp.Allowed || len(resp.Warnings) != 0 {
		t.Errorf("critical=audit: %+v", resp)
	}
	if ds := waitDecisions(t, e2.Store, 1); ds[0].Action != "audit" {
		t.Errorf("audit decision = %+v", ds[0])
	}
}

func TestBadRequests(t *testing.T) {
	e := servertest.Start(t, nil, server.AppOptions{})
	good := review(t, "create-privileged.json", nil)
	big := bytes.Repeat([]byte(" "), admission.MaxReviewBytes+1)
	for _, tc := range []struct {
		name, ct string
		body     []byte
		code     int
		msg      string
	}{
		{"wrong content type", "text/plain", good, 415, "application/json"},
		{"no content type", "", good, 415, "application/json"},
		{"not JSON", "application/json", []byte(`{"kind": "AdmissionReview", `), 400, "malformed AdmissionReview"},
		{"v1beta1", "application/json", []byte(`{"kind": "AdmissionReview", "apiVersion": "admission.k8s.io/v1beta1", "request": {"uid": "1", "operation": "CREATE"}}`), 400, "admission.k8s.io/v1"},
		{"no request", "application/json", []byte(`{"kind": "AdmissionReview", "apiVersion": "admission.k8s.io/v1"}`), 400, "request is missing"},
		{"no uid", "application/json", review(t, "create-privileged.json", func(r map[string]any) { delete(r, "uid") }), 400, "uid is missing"},
		{"wrong types", "application/json", []byte(`{"kind": "AdmissionReview", "apiVersion": "admission.k8s.io/v1", "request": {"uid": 5}}`), 400, "malformed AdmissionReview"},
		{"oversized", "application/json", big, 413, "too large"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, b, _ := e.Do(t, "POST", "/v1/admit", "", tc.ct, tc.body)
			if code != tc.code || !strings.Contains(string(b), tc.msg) {
				t.Errorf("= %d %s, want %d containing %q", code, b, tc.code, tc.msg)
			}
		})
	}
	// an object onus cannot read is refused with a 400 status inside the review
	resp := admit(t, e, review(t, "create-privileged.json", func(r map[string]any) { r["object"] = map[string]any{"metadata": map[string]any{}} }))
	if resp.Allowed || resp.Result == nil || resp.Result.Code != 400 || !strings.Contains(resp.Result.Message, "cannot read the object") {
		t.Errorf("unreadable object: %+v", resp)
	}
}

func TestWarningLimits(t *testing.T) {
	long := strings.Repeat("é", 300)
	var fs []finding.Finding
	for i := range 40 {
		fs = append(fs, finding.Finding{Rule: fmt.Sprintf("R-%d", i), Severity: finding.Low, Status: finding.Fail, Message: long + "\nsecond line", Remediation: "do this\nthen that"})
	}
	res := admission.Decide(admission.Actions{finding.Low: admission.Warn}, &admissionv1.AdmissionRequest{UID: "u", Kind: metav1.GroupVersionKind{Version: "v1", Kind: "Pod"}}, "Pod/x", fs)
	total := 0
	for _, w := range res.Response.Warnings {
		if len(w) > admission.MaxWarningLen {
			t.Errorf("warning of %d bytes > %d", len(w), admission.MaxWarningLen)
		}
		if strings.ContainsAny(w, "\n\r") {
			t.Errorf("warning holds a line break: %q", w)
		}
		if !strings.HasSuffix(w, "…") {
			t.Errorf("truncated warning not marked: %q", w)
		}
		total += len(w)
	}
	if total > admission.MaxWarningsTotal || len(res.Response.Warnings) == 0 || len(res.Response.Warnings) == 40 {
		t.Errorf("%d warnings, %d bytes; want some, at most %d bytes", len(res.Response.Warnings), total, admission.MaxWarningsTotal)
	}
	if !res.Response.Allowed || res.Action != admission.Warn || len(res.Rules) != 40 {
		t.Errorf("result = allowed %v action %s rules %d", res.Response.Allowed, res.Action, len(res.Rules))
	}
}

func TestParseActions(t *testing.T) {
	a, err := admission.ParseActions("high=warn, low=audit")
	if err != nil || a.String() != "critical=deny,high=warn,medium=warn,low=audit" {
		t.Errorf("ParseActions = %v, %v", a, err)
	}
	for _, bad := range []string{"urgent=deny", "high=block", "high"} {
		if _, err := admission.ParseActions(bad); err == nil {
			t.Errorf("ParseActions(%q) accepted", bad)
		}
	}
}
