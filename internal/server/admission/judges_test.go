package admission_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/onus-project/onus/internal/engine"
	"github.com/onus-project/onus/internal/ownership"
	"github.com/onus-project/onus/internal/policy/builtin"
	"github.com/onus-project/onus/internal/server/admission"
)

// TestJudges checks that the policies onus serve compiles (Judges, through
// policy.Set.Trim) are the Kubernetes pack and nothing else, and that they
// decide every test review exactly as an engine holding the whole built-in
// set does.
func TestJudges(t *testing.T) {
	full, diags := builtin.Parse()
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	trimmed := full.Trim(admission.Judges)
	kube := 0
	for _, p := range full.Policies {
		if strings.HasPrefix(p.ID, "ONUS-K8S-") {
			kube++
		}
	}
	if len(trimmed.Policies) != kube {
		t.Errorf("serve compiles %d policies, want the %d Kubernetes ones", len(trimmed.Policies), kube)
	}
	for _, p := range trimmed.Policies {
		if !strings.HasPrefix(p.ID, "ONUS-K8S-") {
			t.Errorf("serve compiles %s, which no admission request reaches", p.ID)
		}
	}
	for name := range trimmed.Modules {
		if strings.Contains(name, "/aws/") || strings.Contains(name, "/azure/") || strings.Contains(name, "/gcp/") || strings.Contains(name, "dockerfile/") {
			t.Errorf("serve compiles %s", name)
		}
	}
	if len(trimmed.Modules) >= len(full.Modules)/2 {
		t.Errorf("serve compiles %d of %d modules", len(trimmed.Modules), len(full.Modules))
	}

	model, err := ownership.Default()
	if err != nil {
		t.Fatal(err)
	}
	decide := func(eng *engine.Engine, body []byte) string {
		t.Helper()
		ev := &admission.Evaluator{Engine: eng, Model: model, Actions: admission.DefaultActions()}
		rv, err := admission.Decode(body)
		if err != nil {
			t.Fatal(err)
		}
		res, err := admission.Handler(ev.Handle).WithOperations()(context.Background(), rv.Request)
		if err != nil {
			t.Fatal(err)
		}
		out, _ := json.Marshal(res.Response)
		return string(out) + " " + strings.Join(res.Rules, ",")
	}
	fullEng, diags := engine.New(full, engine.Options{})
	if fullEng == nil {
		t.Fatal(diags)
	}
	trimmedEng, diags := engine.New(trimmed, engine.Options{})
	if trimmedEng == nil {
		t.Fatal(diags)
	}
	for _, f := range []string{"create-privileged.json", "create-hardened.json", "update-to-privileged.json", "delete.json"} {
		body := review(t, f, nil)
		want, got := decide(fullEng, body), decide(trimmedEng, body)
		if got != want {
			t.Errorf("%s:\n trimmed %s\n    full %s", f, got, want)
		}
		if f == "create-privileged.json" && !strings.Contains(got, "ONUS-K8S-001") {
			t.Errorf("%s: %s, want a denial naming ONUS-K8S-001", f, got)
		}
	}
}
