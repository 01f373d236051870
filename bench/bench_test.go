package bench

import (
	"os"
	"testing"

	"github.com/onus-project/onus/internal/discover"
	"github.com/onus-project/onus/internal/engine"
	"github.com/onus-project/onus/internal/loader"
	"github.com/onus-project/onus/internal/loader/cloudformation"
	"github.com/onus-project/onus/internal/loader/kubernetes"
	"github.com/onus-project/onus/internal/ownership"
	"github.com/onus-project/onus/internal/policy"
	"github.com/onus-project/onus/internal/policy/builtin"
	"github.com/onus-project/onus/internal/scan"
)

func BenchmarkScanK8s(b *testing.B) {
	dir := os.Getenv("ONUS_BENCH_CORPUS")
	if dir == "" {
		b.Skip("set ONUS_BENCH_CORPUS to a gen-corpus output folder")
	}
	set := &policy.Set{}
	bs, _ := builtin.Load()
	set.Merge(bs)
	if extra := os.Getenv("ONUS_BENCH_POLICIES"); extra != "" {
		us, _ := policy.Load(os.DirFS(extra), policy.LoadOptions{Origin: extra + "/"})
		set.Merge(us)
	}
	eng, diags := engine.New(set, engine.Options{})
	if eng == nil {
		b.Fatal(diags)
	}
	model, _ := ownership.Default()
	ls := loader.NewSet().With(kubernetes.New(), discover.Kubernetes)
	b.ResetTimer()
	for b.Loop() {
		_, err := scan.Run(b.Context(), scan.Options{Paths: []string{dir + "/k8s"}, Loaders: ls, Engine: eng, Model: model})
		if err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScanCloudFormation scans the corpus's CloudFormation templates
// (200 in the medium corpus) with the built-in policies.
func BenchmarkScanCloudFormation(b *testing.B) {
	dir := os.Getenv("ONUS_BENCH_CORPUS")
	if dir == "" {
		b.Skip("set ONUS_BENCH_CORPUS to a gen-corpus output folder")
	}
	set := &policy.Set{}
	bs, _ := builtin.Load()
	set.Merge(bs)
	eng, diags := engine.New(set, engine.Options{})
	if eng == nil {
		b.Fatal(diags)
	}
	model, _ := ownership.Default()
	ls := loader.NewSet().With(cloudformation.New(), discover.CloudFormation)
	b.ResetTimer()
	for b.Loop() {
		rep, err := scan.Run(b.Context(), scan.Options{Paths: []string{dir + "/cloudformation"}, Loaders: ls, Engine: eng, Model: model})
		if err != nil {
			b.Fatal(err)
		}
		if rep.Summary.Errors > 0 {
			b.Fatalf("%d error diagnostics", rep.Summary.Errors)
		}
	}
}
