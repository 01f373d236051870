// Command webhook is a load generator for the onus admission webhook. It
// fires AdmissionReviews of typical Deployments at a fixed rate over TLS on
// loopback, for a bounded number of requests and time, and prints the
// throughput and latency percentiles.
//
// By default it starts the real service in-process (built-in policies, a
// temporary SQLite store recording decisions, a self-signed certificate);
// with -url it targets a running onus serve instead.
//
//	go run ./bench/webhook -n 20000 -rate 1000
//	go run ./bench/webhook -url https://127.0.0.1:8443 -n 5000 -rate 500
package main

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"sync"
	"time"

	"github.com/onus-project/onus/internal/engine"
	"github.com/onus-project/onus/internal/ownership"
	"github.com/onus-project/onus/internal/policy"
	"github.com/onus-project/onus/internal/policy/builtin"
	"github.com/onus-project/onus/internal/server"
	"github.com/onus-project/onus/internal/server/admission"
	"github.com/onus-project/onus/internal/store/sqlite"
)

func main() {
	exit := 0
	defer func() { os.Exit(exit) }()
	n := flag.Int("n", 20000, "requests to send (bounded)")
	rate := flag.Int("rate", 1000, "requests per second")
	maxTime := flag.Duration("max-time", 60*time.Second, "stop after this long whatever n is")
	conc := flag.Int("c", 64, "concurrent connections")
	target := flag.String("url", "", "a running onus serve (https://HOST:PORT); empty starts one in-process")
	warm := flag.Int("warm", 500, "requests sent before measuring")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile of the run to this file")
	memProfile := flag.String("memprofile", "", "write an allocation profile of the run to this file")
	record := flag.String("record", "findings", "which decisions the in-process server records: none, findings or all")
	var policyDirs []string
	flag.Func("policy", "directory of extra policies, loaded like onus serve --policy (repeatable)", func(s string) error {
		policyDirs = append(policyDirs, s)
		return nil
	})
	flag.Parse()
	if *n <= 0 || *rate <= 0 || *conc <= 0 {
		log.Fatal("-n, -rate and -c must be positive")
	}
	ctx, cancel := context.WithTimeout(context.Background(), *maxTime+30*time.Second)
	defer cancel()

	url := *target
	policies := "external server"
	if url == "" {
		var stop func()
		var err error
		url, policies, stop, err = startServer(ctx, policyDirs, admission.RecordMode(*record))
		if err != nil {
			log.Fatal(err)
		}
		defer stop()
	}
	conns, err := dialer(url, *conc)
	if err != nil {
		log.Fatal(err)
	}
	bodies := reviews()
	reqs := make([][]byte, len(bodies))
	for i, b := range bodies {
		reqs[i] = conns[0].request(b)
	}
	send := func(c *admitConn, i int) (bool, error) { return c.admit(reqs[i%len(reqs)]) }
	for i := range *warm {
		if _, err := send(conns[i%len(conns)], i); err != nil {
			log.Fatalf("warm-up: %v", err)
		}
	}

	// the server's own latency histogram, read before and after the
	// measured requests (a server without it, or without /metrics, only
	// loses that line)
	before, histErr := serverHistogram(url)
	var memBefore, memAfter runtime.MemStats
	runtime.ReadMemStats(&memBefore)

	type result struct {
		lat     time.Duration
		allowed bool
		err     error
	}
	results := make([]result, *n)
	// each job carries the time it was handed over, so a request that
	// waits for a free connection counts its wait as latency (the
	// sender's own lateness in waking up does not count)
	type job struct {
		i   int
		due time.Time
	}
	jobs := make(chan job, *n)
	var wg sync.WaitGroup
	for _, c := range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				allowed, err := send(c, j.i)
				results[j.i] = result{lat: time.Since(j.due), allowed: allowed, err: err}
			}
		}()
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			log.Fatal(err)
		}
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	interval := time.Second / time.Duration(*rate)
	start := time.Now()
	deadline := start.Add(*maxTime)
	sent := 0
	for i := range *n {
		next := start.Add(time.Duration(i) * interval)
		if next.After(deadline) {
			break
		}
		time.Sleep(time.Until(next))
		jobs <- job{i, time.Now()}
		sent++
	}
	close(jobs)
	wg.Wait()
	elapsed := time.Since(start)
	runtime.ReadMemStats(&memAfter)
	if *memProfile != "" {
		f, err := os.Create(*memProfile)
		if err != nil {
			log.Fatal(err)
		}
		pprof.Lookup("allocs").WriteTo(f, 0)
		f.Close()
	}
	var server buckets
	if histErr == nil {
		var after buckets
		if after, histErr = serverHistogram(url); histErr == nil {
			server = after.since(before)
		}
	}

	var lats []time.Duration
	errs, denied := 0, 0
	var firstErr error
	for _, r := range results[:sent] {
		if r.err != nil {
			errs++
			if firstErr == nil {
				firstErr = r.err
			}
			continue
		}
		if !r.allowed {
			denied++
		}
		lats = append(lats, r.lat)
	}
	slices.Sort(lats)
	pct := func(p float64) time.Duration {
		if len(lats) == 0 {
			return 0
		}
		return lats[min(len(lats)-1, int(float64(len(lats))*p))]
	}
	fmt.Printf("onus admission webhook load test\n")
	fmt.Printf("  target      %s (%s)\n", url, policies)
	fmt.Printf("  machine     %d CPUs (GOMAXPROCS %d), %s/%s\n", runtime.NumCPU(), runtime.GOMAXPROCS(0), runtime.GOOS, runtime.GOARCH)
	fmt.Printf("  offered     %d requests at %d/s, %d connections, TLS\n", sent, *rate, *conc)
	fmt.Printf("  throughput  %.0f requests/s over %.2fs\n", float64(sent)/elapsed.Seconds(), elapsed.Seconds())
	fmt.Printf("  latency     p50 %s  p90 %s  p99 %s  max %s\n", pct(.50).Round(time.Microsecond), pct(.90).Round(time.Microsecond), pct(.99).Round(time.Microsecond), pct(1).Round(time.Microsecond))
	if histErr != nil {
		fmt.Printf("  server      no latency histogram: %v\n", histErr)
	} else {
		fmt.Printf("  server      p50 %s  p90 %s  p99 %s (the handler's own time: the server's /metrics histogram, interpolated within its buckets)\n", server.format(.50), server.format(.90), server.format(.99))
	}
	if *target == "" {
		perReq := func(a, b uint64) float64 { return float64(b-a) / float64(max(sent, 1)) }
		fmt.Printf("  memory      %.0f KB in %.0f allocations per request, %d collections (the whole process: server and generator)\n",
			perReq(memBefore.TotalAlloc, memAfter.TotalAlloc)/1024, perReq(memBefore.Mallocs, memAfter.Mallocs), memAfter.NumGC-memBefore.NumGC)
	}
	fmt.Printf("  results     %d ok (%d denied), %d errors\n", len(lats), denied, errs)
	if firstErr != nil {
		fmt.Printf("  first error %v\n", firstErr)
		exit = 1
	}
}

// startServer runs the real service on loopback with TLS and returns its
// URL, a description of the policies and a stop function.
func startServer(ctx context.Context, dirs []string, record admission.RecordMode) (string, string, func(), error) {
	// the garbage collector as onus serve sets it
	server.TuneGC(os.Getenv)
	// the policies onus serve compiles: the Kubernetes ones and what they need
	set, diags := builtin.Parse()
	if diags.HasErrors() {
		return "", "", nil, diags.Err()
	}
	for _, dir := range dirs {
		extra, diags := policy.Load(os.DirFS(dir), policy.LoadOptions{Origin: dir + "/"})
		if diags.HasErrors() {
			return "", "", nil, diags.Err()
		}
		if err := set.Merge(extra); err != nil {
			return "", "", nil, err
		}
	}
	set = set.Trim(admission.Judges)
	eng, diags := engine.New(set, engine.Options{})
	if eng == nil {
		return "", "", nil, diags.Err()
	}
	model, err := ownership.Default()
	if err != nil {
		return "", "", nil, err
	}
	dir, err := os.MkdirTemp("", "onus-bench-")
	if err != nil {
		return "", "", nil, err
	}
	st, err := sqlite.Open(ctx, filepath.Join(dir, "onus.db"))
	if err != nil {
		return "", "", nil, err
	}
	cert, _, err := server.SelfSigned([]string{"127.0.0.1"}, time.Now())
	if err != nil {
		return "", "", nil, err
	}
	app, err := server.NewApp(ctx, server.AppOptions{Store: st, Engine: eng, Model: model, Record: record,
		TLS: server.TLSConfig(func(*tls.ClientHelloInfo) (*tls.Certificate, error) { return cert, nil })})
	if err != nil {
		return "", "", nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", "", nil, err
	}
	sctx, stop := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		app.Serve(sctx, ln)
		app.Close(context.Background())
		st.Close()
		os.RemoveAll(dir)
		close(done)
	}()
	// the set is trimmed to admission.Judges: every policy is a Kubernetes one
	return "https://" + ln.Addr().String(), fmt.Sprintf("in-process, %d Kubernetes policies, SQLite audit log recording %s", len(eng.Policies()), record), func() { stop(); <-done }, nil
}

// reviews returns AdmissionReviews of typical Deployments: hardened ones,
// and ones with the usual mistakes.
func reviews() [][]byte {
	var out [][]byte
	for i, v := range []struct {
		name       string
		privileged bool
		hardened   bool
	}{{"api", false, true}, {"worker", false, false}, {"agent", true, false}, {"web", false, true}} {
		sc := map[string]any{"privileged": v.privileged}
		if v.hardened {
			sc = map[string]any{"privileged": false, "runAsNonRoot": true, "allowPrivilegeEscalation": false,
				"readOnlyRootFilesystem": true, "capabilities": map[string]any{"drop": []string{"ALL"}}, "seccompProfile": map[string]any{"type": "RuntimeDefault"}}
		}
		labels := map[string]any{"app": v.name, "app.kubernetes.io/name": v.name, "team": "payments"}
		obj := map[string]any{
			"apiVersion": "apps/v1", "kind": "Deployment",
			"metadata": map[string]any{"name": v.name, "namespace": "shop", "labels": labels},
			"spec": map[string]any{
				"replicas": 3,
				"selector": map[string]any{"matchLabels": map[string]any{"app": v.name}},
				"template": map[string]any{
					"metadata": map[string]any{"labels": labels},
					"spec": map[string]any{
						"serviceAccountName":           v.name,
						"automountServiceAccountToken": false,
						"containers": []any{map[string]any{
							"name": v.name, "image": "registry.example.com/shop/" + v.name + ":1.8.3",
							"ports":           []any{map[string]any{"containerPort": 8080, "name": "http"}},
							"env":             []any{map[string]any{"name": "LOG_LEVEL", "value": "info"}},
							"resources":       map[string]any{"requests": map[string]any{"cpu": "100m", "memory": "128Mi"}, "limits": map[string]any{"memory": "256Mi"}},
							"readinessProbe":  map[string]any{"httpGet": map[string]any{"path": "/healthz", "port": "http"}},
							"livenessProbe":   map[string]any{"httpGet": map[string]any{"path": "/healthz", "port": "http"}},
							"securityContext": sc,
						}},
					},
				},
			},
		}
		review := map[string]any{
			"apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview",
			"request": map[string]any{
				"uid": fmt.Sprintf("00000000-0000-4000-8000-%012d", i), "operation": "CREATE",
				"kind":     map[string]any{"group": "apps", "version": "v1", "kind": "Deployment"},
				"resource": map[string]any{"group": "apps", "version": "v1", "resource": "deployments"},
				"name":     v.name, "namespace": "shop", "userInfo": map[string]any{"username": "ci@example.com"},
				"object": obj, "dryRun": false,
			},
		}
		b, _ := json.Marshal(review)
		out = append(out, b)
	}
	return out
}
