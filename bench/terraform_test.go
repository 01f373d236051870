package bench

import (
	"os"
	"testing"

	"github.com/onus-project/onus/internal/discover"
	"github.com/onus-project/onus/internal/engine"
	"github.com/onus-project/onus/internal/loader"
	"github.com/onus-project/onus/internal/loader/terraform"
	tfplan "github.com/onus-project/onus/internal/loader/terraform/plan"
	"github.com/onus-project/onus/internal/ownership"
	"github.com/onus-project/onus/internal/policy"
	"github.com/onus-project/onus/internal/policy/builtin"
	"github.com/onus-project/onus/internal/scan"
	"github.com/onus-project/onus/internal/source"
)

// BenchmarkScanTerraform scans the Terraform part of a gen-corpus output
// folder (ONUS_BENCH_CORPUS/terraform) with the built-in policies plus
// ONUS_BENCH_POLICIES, and fails when a module of the corpus (valid
// Terraform) gives an error diagnostic.
func BenchmarkScanTerraform(b *testing.B) {
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
	ls := loader.NewSet().
		With(terraform.New(terraform.Options{}), discover.Terraform).
		With(tfplan.New(tfplan.Options{}), discover.TerraformPlan)
	b.ResetTimer()
	for b.Loop() {
		rep, err := scan.Run(b.Context(), scan.Options{Paths: []string{dir + "/terraform"}, Loaders: ls, Engine: eng, Model: model})
		if err != nil {
			b.Fatal(err)
		}
		for _, d := range rep.Diagnostics {
			if d.Severity == source.Error {
				b.Fatalf("the corpus is valid Terraform, but: %v", d)
			}
		}
		b.ReportMetric(float64(rep.Summary.Resources), "resources")
	}
}
