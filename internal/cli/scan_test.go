package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Colour: on a terminal by default, never with NO_COLOR or off a terminal,
// and --color always|never overrides both.
func TestScanColour(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "pod.yaml"), []byte("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - {name: c, image: x:1, securityContext: {privileged: true}}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		tty     bool
		noColor string
		flag    string
		want    bool
	}{
		{"terminal", true, "", "", true},
		{"terminal with NO_COLOR", true, "1", "", false},
		{"pipe", false, "", "", false},
		{"always", false, "", "--color=always", true},
		{"never", true, "", "--color=never", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			env := &Env{
				Stdout: &stdout, Stderr: &stderr,
				Getenv:     func(k string) string { return map[string]string{"NO_COLOR": tc.noColor}[k] },
				IsTerminal: func(w io.Writer) bool { return tc.tty && w == io.Writer(&stdout) },
			}
			args := []string{"scan", dir}
			if tc.flag != "" {
				args = []string{"scan", tc.flag, dir}
			}
			if code := Execute(t.Context(), args, env); code != ExitFindings {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
			if got := strings.Contains(stdout.String(), "\x1b["); got != tc.want {
				t.Errorf("colour %v, want %v:\n%q", got, tc.want, stdout.String())
			}
		})
	}
}
