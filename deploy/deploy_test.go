// Package deploy holds the Kubernetes manifests and the Helm chart that run
// onus as an admission controller. Its test holds them to onus's own
// Kubernetes policies: the manifests, and the chart as Helm renders it.
package deploy

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"helm.sh/helm/v3/pkg/chart/loader"
	"helm.sh/helm/v3/pkg/chartutil"
	"helm.sh/helm/v3/pkg/engine"

	"github.com/onus-project/onus/internal/cli"
)

func scan(t *testing.T, dir string) (int, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := cli.Execute(context.Background(), []string{"scan", "--fail-on", "low", dir}, &cli.Env{
		Stdout: &stdout, Stderr: &stderr, Getenv: func(string) string { return "" },
	})
	return code, stdout.String() + stderr.String()
}

// TestImagePassesOwnPolicies scans the Dockerfile of the onus image: no
// finding (its one waiver is in the file, with its reason).
func TestImagePassesOwnPolicies(t *testing.T) {
	code, out := scan(t, "../Dockerfile")
	if code != cli.ExitOK || !strings.Contains(out, "0 findings") || !strings.Contains(out, "1 waived") {
		t.Errorf("onus scan Dockerfile exited %d:\n%s", code, out)
	}
}

// TestManifestsPassOwnPolicies scans deploy/ as a user would
// (go run ./cmd/onus scan deploy/): no finding, exit 0.
func TestManifestsPassOwnPolicies(t *testing.T) {
	for _, dir := range []string{"kubernetes", "."} {
		code, out := scan(t, dir)
		if code != cli.ExitOK || !strings.Contains(out, "0 findings") {
			t.Errorf("onus scan deploy/%s exited %d:\n%s", dir, code, out)
		}
	}
}

// render renders the chart with Helm's own engine, as helm template does,
// and writes each manifest into a directory.
func render(t *testing.T, overrides map[string]any) (string, int) {
	t.Helper()
	ch, err := loader.Load("helm/onus")
	if err != nil {
		t.Fatalf("load chart: %v", err)
	}
	vals, err := chartutil.ToRenderValues(ch, overrides, chartutil.ReleaseOptions{Name: "onus", Namespace: "onus", IsInstall: true, Revision: 1}, chartutil.DefaultCapabilities)
	if err != nil {
		t.Fatalf("values: %v", err)
	}
	out, err := engine.Render(ch, vals)
	if err != nil {
		t.Fatalf("render chart: %v", err)
	}
	dir := t.TempDir()
	names := make([]string, 0, len(out))
	for name := range out {
		names = append(names, name)
	}
	sort.Strings(names)
	docs := 0
	for _, name := range names {
		body := out[name]
		if !strings.HasSuffix(name, ".yaml") || strings.TrimSpace(body) == "" {
			continue
		}
		docs += strings.Count(body, "\nkind: ") + boolInt(strings.HasPrefix(strings.TrimSpace(body), "kind: "))
		file := filepath.Join(dir, filepath.Base(name))
		if err := os.WriteFile(file, []byte("# Source: "+name+"\n"+body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir, docs
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestChartPassesOwnPolicies renders the Helm chart (defaults, without
// cert-manager, with narrowed NetworkPolicy ingress) and scans the output:
// no finding.
func TestChartPassesOwnPolicies(t *testing.T) {
	for _, tc := range []struct {
		name      string
		overrides map[string]any
		docs      int
	}{
		{"defaults", nil, 10},
		{"no cert-manager", map[string]any{"certManager": map[string]any{"enabled": false}, "tls": map[string]any{"caBundle": "Y2E="}}, 6},
		{"narrowed ingress", map[string]any{"networkPolicy": map[string]any{"ingressFrom": []any{map[string]any{"ipBlock": map[string]any{"cidr": "10.0.0.0/28"}}}}}, 10},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir, docs := render(t, tc.overrides)
			if docs != tc.docs {
				t.Errorf("rendered %d objects, want %d", docs, tc.docs)
			}
			code, out := scan(t, dir)
			if code != cli.ExitOK || !strings.Contains(out, "0 findings") || strings.Contains(out, "warning") {
				t.Errorf("onus scan of the rendered chart exited %d:\n%s", code, out)
			}
		})
	}
}
