package cli

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestExampleShop scans examples/k8s-shop as its README's first command
// does and compares every finding (rule, place, status) with a golden
// file, so the README's story cannot drift from what onus reports.
func TestExampleShop(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := Execute(t.Context(), []string{"scan", "--format", "json", "--now", "2026-11-01", "../../examples/k8s-shop"}, &Env{Stdout: &stdout, Stderr: &stderr})
	if code != ExitFindings {
		t.Fatalf("scan exited %d, want %d:\n%s", code, ExitFindings, stderr.String())
	}
	var rep struct {
		Findings []struct {
			Rule     string `json:"rule"`
			Layer    string `json:"layer"`
			Owner    string `json:"owner"`
			Status   string `json:"status"`
			Location struct {
				File      string `json:"file"`
				StartLine int    `json:"start_line"`
			} `json:"location"`
		} `json:"findings"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	var got strings.Builder
	for _, f := range rep.Findings {
		fmt.Fprintf(&got, "%s:%d %s %s %s %s\n", f.Location.File, f.Location.StartLine, f.Rule, f.Layer, f.Owner, f.Status)
	}
	golden := filepath.Join("testdata", "k8s-shop.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), got.String()); diff != "" {
		t.Errorf("findings differ from %s (-want +got); update examples/k8s-shop/README.md too:\n%s", golden, diff)
	}
}
