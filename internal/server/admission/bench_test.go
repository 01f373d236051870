package admission_test

import (
	"context"
	"encoding/json"
	"os"
	"testing"

	admissionv1 "k8s.io/api/admission/v1"

	"github.com/onus-project/onus/internal/engine"
	"github.com/onus-project/onus/internal/ownership"
	"github.com/onus-project/onus/internal/policy"
	"github.com/onus-project/onus/internal/policy/builtin"
	"github.com/onus-project/onus/internal/server/admission"
	"github.com/onus-project/onus/internal/server/servertest"
	"github.com/onus-project/onus/internal/source"
)

// BenchmarkHandle measures the per-request work of the admission path
// without HTTP: decode the review, load the object, evaluate, decide.
// ONUS_BENCH_POLICIES=DIR adds a directory of policies to the built-in ones.
func BenchmarkHandle(b *testing.B) {
	body := readFile(b, "testdata/create-privileged.json")
	model, _ := ownership.Default()
	eng := servertest.Engine(b)
	if dir := os.Getenv("ONUS_BENCH_POLICIES"); dir != "" {
		set, _ := builtin.Load()
		extra, diags := policy.Load(os.DirFS(dir), policy.LoadOptions{Origin: dir + "/"})
		if diags.HasErrors() {
			b.Fatal(diags)
		}
		set.Merge(extra)
		var ds source.Diagnostics
		if eng, ds = engine.New(set, engine.Options{}); eng == nil {
			b.Fatal(ds)
		}
	}
	ev := &admission.Evaluator{Engine: eng, Model: model, Actions: admission.DefaultActions()}
	if err := ev.Warm(context.Background()); err != nil {
		b.Fatal(err)
	}
	h := admission.Handler(ev.Handle).WithOperations()
	b.ReportAllocs()
	for b.Loop() {
		review, err := admission.Decode(body)
		if err != nil {
			b.Fatal(err)
		}
		res, err := h(context.Background(), review.Request)
		if err != nil || res.Response.Allowed {
			b.Fatal(err)
		}
		json.Marshal(admissionv1.AdmissionReview{Response: res.Response})
	}
}

func readFile(b *testing.B, name string) []byte {
	data, err := os.ReadFile(name)
	if err != nil {
		b.Fatal(err)
	}
	return data
}
