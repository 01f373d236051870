package cli

import (
	"bytes"
	"strings"
	"testing"
)

// TestBuiltinPolicies tests the built-in pack exactly as users test their
// own policies: every Rego test passes and every policy has a passing and a
// failing fixture that behave.
func TestBuiltinPolicies(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := Execute(t.Context(), []string{"policy", "test", "--require-fixtures", "--now", "2026-11-01", "../policy/builtin"}, &Env{Stdout: &stdout, Stderr: &stderr})
	if code != ExitOK {
		t.Fatalf("onus policy test exited %d:\n%s%s", code, stdout.String(), stderr.String())
	}
	if !strings.Contains(stdout.String(), " 0 failed") {
		t.Fatalf("unexpected output:\n%s", stdout.String())
	}
}
