package funcs

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	ctyjson "github.com/zclconf/go-cty/cty/json"
)

// TestTable evaluates expressions with the table and compares the results
// printed as HCL would print them, covering the functions written here
// and the bounds on the library's.
func TestTable(t *testing.T) {
	fsys := fstest.MapFS{
		"infra/cfg.json":     {Data: []byte(`{"a": 1}`)},
		"infra/t.tftpl":      {Data: []byte("hello ${name}")},
		"infra/sub/x.json":   {Data: []byte(`{}`)},
		"outside/secret.txt": {Data: []byte("no")},
	}
	var warnings []string
	table := Table(Files{FS: fsys, Dir: "infra", Warn: func(m string) { warnings = append(warnings, m) }})
	tests := []struct {
		expr, want, err string
	}{
		{expr: `sum([1, 2.5])`, want: `3.5`},
		{expr: `sum([])`, err: "empty list"},
		{expr: `alltrue([true, true])`, want: `true`},
		{expr: `anytrue([false])`, want: `false`},
		{expr: `startswith("abc", "ab")`, want: `true`},
		{expr: `endswith("abc", "bc")`, want: `true`},
		{expr: `strcontains("abc", "x")`, want: `false`},
		{expr: `replace("a1b22", "/[0-9]+/", "#")`, want: `"a#b#"`},
		{expr: `replace("a.b", ".", "-")`, want: `"a-b"`},
		{expr: `index(["a", "b"], "b")`, want: `1`},
		{expr: `index(["a"], "z")`, err: "not found"},
		{expr: `length("héllo")`, want: `5`},
		{expr: `length({a = 1})`, want: `1`},
		{expr: `lookup({a = 1}, "a")`, want: `1`},
		{expr: `lookup({a = 1}, "b")`, err: "does not exist"},
		{expr: `lookup({a = 1}, "b", 2)`, want: `2`},
		{expr: `one([])`, want: `null`},
		{expr: `one([1, 2])`, err: "zero or one"},
		{expr: `matchkeys(["x", "y"], ["k1", "k2"], ["k2"])`, want: `["y"]`},
		{expr: `transpose({a = ["1"], b = ["1", "2"]})`, want: `{"1":["a","b"],"2":["b"]}`},
		{expr: `timecmp("2024-01-02T00:00:00Z", "2024-01-01T00:00:00Z")`, want: `1`},
		{expr: `timestamp()`, want: `unknown`},
		{expr: `coalesce("", "x")`, want: `"x"`},
		{expr: `cidrsubnet("10.0.0.0/16", 8, 3)`, want: `"10.0.3.0/24"`},
		{expr: `base64sha256("x")`, want: `"LXEWQrcmsEQBYnyp+6wy9chTD7GQPMTbAiWHF5IaSIE="`},
		{expr: `abspath("a/../b")`, want: `"b"`},
		{expr: `pathexpand("~/x")`, want: `unknown`},
		{expr: `jsondecode(file("cfg.json")).a`, want: `1`},
		{expr: `templatefile("t.tftpl", {name = "you"})`, want: `"hello you"`},
		{expr: `fileexists("sub/x.json")`, want: `true`},
		{expr: `fileset(".", "**/*.json")`, want: `["cfg.json","sub/x.json"]`},
		{expr: `file("../outside/secret.txt")`, want: `"no"`},
		{expr: `file("../../etc/passwd")`, err: "outside the scan root"},
		{expr: `file("/etc/passwd")`, err: "absolute path"},
		{expr: `file("missing.txt")`, want: `unknown`},
		{expr: `format("%099999999d", 1)`, err: "too large"},
		{expr: `indent(100000, "x")`, err: "too large"},
		{expr: `length(setproduct(range(100), range(100), range(100)))`, err: "100000"},
		{expr: `yamldecode("a: [1]").a[0]`, want: `1`},
		{expr: `try(nonsensitive(sensitive(1)), 0)`, want: `1`},
	}
	for _, tc := range tests {
		t.Run(tc.expr, func(t *testing.T) {
			expr, diags := hclsyntax.ParseExpression([]byte(tc.expr), "test.tf", hcl.InitialPos)
			if diags.HasErrors() {
				t.Fatal(diags)
			}
			v, diags := expr.Value(&hcl.EvalContext{Functions: table})
			if tc.err != "" {
				if !diags.HasErrors() || !strings.Contains(diags.Error(), tc.err) {
					t.Fatalf("want an error with %q, got %v %v", tc.err, v.GoString(), diags)
				}
				return
			}
			if diags.HasErrors() {
				t.Fatal(diags)
			}
			if got := show(v); got != tc.want {
				t.Fatalf("= %s, want %s", got, tc.want)
			}
		})
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "infra/missing.txt does not exist") {
		t.Fatalf("warnings = %v", warnings)
	}
}

// show prints a value compactly: unknown, null, or JSON.
func show(v cty.Value) string {
	if !v.IsWhollyKnown() {
		return "unknown"
	}
	if v.IsNull() {
		return "null"
	}
	b, err := ctyjson.Marshal(v, v.Type())
	if err != nil {
		return err.Error()
	}
	return string(b)
}
