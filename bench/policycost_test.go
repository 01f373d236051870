package bench

import (
	"context"
	"os"
	"runtime"
	"strings"
	"testing"

	"github.com/onus-project/onus/internal/discover"
	"github.com/onus-project/onus/internal/engine"
	"github.com/onus-project/onus/internal/loader"
	"github.com/onus-project/onus/internal/loader/kubernetes"
	"github.com/onus-project/onus/internal/policy"
	"github.com/onus-project/onus/internal/policy/builtin"
	"github.com/onus-project/onus/internal/scan"
)

// BenchmarkPolicyCost measures what each built-in Kubernetes policy adds to
// an evaluation of the corpus's Kubernetes resources: the allocations and
// bytes of an evaluation with the whole Kubernetes pack, less those of one
// without the policy (one worker, each after a warm-up evaluation).
// Allocations do not move with the speed of a shared host, as wall time
// does, so they are the figure to compare a policy's cost before and after
// a change:
//
//	ONUS_BENCH_CORPUS=bench/corpus go test ./bench -run '^$' -bench 'PolicyCost/ONUS-K8S-0(08|13)$' -benchtime 1x
func BenchmarkPolicyCost(b *testing.B) {
	dir := os.Getenv("ONUS_BENCH_CORPUS")
	if dir == "" {
		b.Skip("set ONUS_BENCH_CORPUS to a gen-corpus output folder")
	}
	bs, diags := builtin.Load()
	if diags.HasErrors() {
		b.Fatal(diags)
	}
	ls := loader.NewSet().With(kubernetes.New(), discover.Kubernetes)
	l, err := scan.Load(context.Background(), scan.Options{Paths: []string{dir + "/k8s"}, Loaders: ls})
	if err != nil {
		b.Fatal(err)
	}
	defer l.Close()
	pack := bs.Filter(func(p *policy.Policy) bool { return strings.HasPrefix(p.ID, "ONUS-K8S-") })
	cost := func(b *testing.B, set *policy.Set) (allocs, bytes uint64) {
		eng, diags := engine.New(set, engine.Options{Workers: 1})
		if eng == nil {
			b.Fatal(diags)
		}
		opts := engine.EvalOptions{NoLines: true}
		if _, err := eng.Evaluate(context.Background(), l.Resources, opts); err != nil {
			b.Fatal(err)
		}
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		if _, err := eng.Evaluate(context.Background(), l.Resources, opts); err != nil {
			b.Fatal(err)
		}
		runtime.ReadMemStats(&after)
		return after.Mallocs - before.Mallocs, after.TotalAlloc - before.TotalAlloc
	}
	for _, p := range pack.Policies {
		b.Run(p.ID, func(b *testing.B) {
			var allocs, bytes int64
			for b.Loop() {
				withA, withB := cost(b, pack)
				withoutA, withoutB := cost(b, pack.Filter(func(q *policy.Policy) bool { return q != p }))
				allocs, bytes = int64(withA)-int64(withoutA), int64(withB)-int64(withoutB)
			}
			b.ReportMetric(float64(allocs), "allocs/eval")
			b.ReportMetric(float64(bytes), "B/eval")
			b.ReportMetric(float64(allocs)/float64(len(l.Resources)), "allocs/resource")
		})
	}
}
