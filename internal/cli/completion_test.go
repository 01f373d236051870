package cli

import (
	"bytes"
	"strings"
	"testing"
)

func TestCompletionScripts(t *testing.T) {
	for shell, marker := range map[string]string{
		"bash":       "__start_onus",
		"zsh":        "#compdef onus",
		"fish":       "complete -c onus",
		"powershell": "Register-ArgumentCompleter",
	} {
		t.Run(shell, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := Execute(t.Context(), []string{"completion", shell}, &Env{Stdout: &stdout, Stderr: &stderr})
			if code != ExitOK || stderr.Len() > 0 {
				t.Fatalf("exit %d, stderr %q", code, stderr.String())
			}
			if !strings.Contains(stdout.String(), marker) {
				t.Errorf("the %s script lacks %q", shell, marker)
			}
		})
	}
	var stdout, stderr bytes.Buffer
	if code := Execute(t.Context(), []string{"completion", "tcsh"}, &Env{Stdout: &stdout, Stderr: &stderr}); code != ExitUsage {
		t.Errorf("unknown shell: exit %d, want %d", code, ExitUsage)
	}
}

// The scripts ask onus for flag values; the values it gives are the real ones.
func TestCompletionValues(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := Execute(t.Context(), []string{"__complete", "scan", "--format", ""}, &Env{Stdout: &stdout, Stderr: &stderr})
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	for _, f := range []string{"text", "json", "sarif", "junit", "markdown", "csv", "html"} {
		if !strings.Contains(stdout.String(), f+"\n") {
			t.Errorf("--format completion lacks %s:\n%s", f, stdout.String())
		}
	}
}
