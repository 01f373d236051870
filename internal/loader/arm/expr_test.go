package arm

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestUniqueString(t *testing.T) {
	// vectors published with independent re-implementations of ARM's
	// uniqueString, checked against Azure's output
	for want, in := range map[string][]string{
		"rbgf3xv4ufgzg": {"test"},
		"a7wkljktk6wne": {"hello", "world"},
		"cgtzqvhu4i23s": {"abc"},
		"bmg7c6xu4tw46": {"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/my-rg"},
		"xzi4ioaxtmth4": {"foo", "bar", "baz"},
	} {
		if got := uniqueString(in...); got != want {
			t.Errorf("uniqueString(%q) = %s, want %s", in, got, want)
		}
	}
}

// testEnv is an env with fixed parameters and variables.
type testEnv struct{ params, vars map[string]any }

func (e testEnv) parameter(n string) (any, error) {
	if v, ok := e.params[n]; ok {
		return v, nil
	}
	return nil, errUndefined
}
func (e testEnv) variable(n string) (any, error) {
	if v, ok := e.vars[n]; ok {
		return v, nil
	}
	return nil, errUndefined
}
func (testEnv) copyIndex(string) (int, error) { return 2, nil }
func (testEnv) resourceKey(typ string, names []any) string {
	parts := []string{}
	for _, n := range names {
		parts = append(parts, repr(n))
	}
	return strings.ToLower(typ) + "|" + strings.Join(parts, "/")
}
func (testEnv) lookupName(n string) string { return "name:" + n }

func TestEval(t *testing.T) {
	e := testEnv{
		params: map[string]any{"prefix": "St", "ports": []any{int64(22), int64(3389)}, "cfg": map[string]any{"Tier": "Standard"}, "on": true},
		vars:   map[string]any{"suffix": "data"},
	}
	for _, tc := range []struct {
		expr string
		want any
	}{
		{"concat(parameters('prefix'), '-', variables('suffix'))", "St-data"},
		{"toLower(concat(parameters('prefix'), 'X'))", "stx"},
		{"format('{0}-{1:D3}-{{x}}', 'a', 7)", "a-007-{x}"},
		{"parameters('ports')[1]", int64(3389)},
		{"parameters('cfg').tier", "Standard"},
		{"parameters('cfg')['Tier']", "Standard"},
		{"if(parameters('on'), 'yes', 'no')", "yes"},
		{"if(equals(parameters('prefix'), 'x'), 'yes', 'no')", "no"},
		{"and(parameters('on'), not(false))", true},
		{"or(false, resourceGroup().x)", unknownV{repr: "or(...)"}},
		{"or(true, resourceGroup().x)", true},
		{"resourceGroup().location", unknownV{repr: "resourcegroup().location"}},
		{"concat('a', resourceGroup().location)", unknownV{repr: "concat('a', resourcegroup().location)"}},
		{"uniqueString('test')", "rbgf3xv4ufgzg"},
		{"copyIndex(1)", int64(3)},
		{"add(1, mul(2, 3))", int64(7)},
		{"length(concat(parameters('ports'), createArray(80)))", int64(3)},
		{"contains(parameters('ports'), 22)", true},
		{"split('a,b;c', createArray(',', ';'))", []any{"a", "b", "c"}},
		{"substring('abcdef', 1, 3)", "bcd"},
		{"padLeft('7', 3, '0')", "007"},
		{"string(true)", "True"},
		{"json('{\"a\": [1]}').a[0]", int64(1)},
		{"union(createObject('a', 1), createObject('b', 2))", map[string]any{"a": int64(1), "b": int64(2)}},
		{"take(skip(parameters('ports'), 1), 1)", []any{int64(3389)}},
		{"coalesce(null(), 'x')", "x"},
		{"empty('')", true},
		{"replace('a-b', '-', '_')", "a_b"},
		{"resourceId('Microsoft.Network/networkSecurityGroups', 'nsg')", unknownV{repr: "resourceid('Microsoft.Network/networkSecurityGroups', 'nsg')", target: "microsoft.network/networksecuritygroups|'nsg'"}},
		{"reference('ip').dnsSettings", unknownV{repr: "reference('ip').dnsSettings", target: "name:ip"}},
		{"listKeys(resourceId('Microsoft.Storage/storageAccounts', 's'), '2023-01-01').keys[0].value", unknownV{repr: "listkeys(...).keys[0].value", target: "microsoft.storage/storageaccounts|'s'"}},
	} {
		t.Run(tc.expr, func(t *testing.T) {
			n, err := parseExpr(tc.expr)
			if err != nil {
				t.Fatal(err)
			}
			got, err := evalNode(e, n, 0)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, got, cmp.AllowUnexported(unknownV{})); diff != "" {
				t.Fatalf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestGUID(t *testing.T) {
	a, err := pure("guid", []any{"a", "b"})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := pure("guid", []any{"a", "b"})
	c, _ := pure("guid", []any{"a-b"})
	d, _ := pure("guid", []any{"b", "a"})
	s := a.(string)
	if a != b || a != c || a == d || len(s) != 36 || s[14] != '5' {
		t.Fatalf("guid: %v %v %v %v", a, b, c, d)
	}
}

func TestEvalErrors(t *testing.T) {
	e := testEnv{params: map[string]any{}, vars: map[string]any{}}
	for expr, want := range map[string]string{
		"parameters('missing')":       "undefined",
		"substring('abc', 2, 5)":      "out of range",
		"createObject('a')":           "key, value pairs",
		"concat(createArray(1), 'x')": "cannot mix",
		"frobnicate(1)":               "not evaluated",
		"div(1, 0)":                   "by zero",
	} {
		n, err := parseExpr(expr)
		if err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		if _, err := evalNode(e, n, 0); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: got %v, want %q", expr, err, want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, src := range []string{"concat('a'", "'open", "a.b", "f(1 2)", "x[1", "", "f(),"} {
		if _, err := parseExpr(src); err == nil {
			t.Errorf("%q: want a syntax error", src)
		}
	}
	deep := strings.Repeat("f(", 100) + strings.Repeat(")", 100)
	if _, err := parseExpr(deep); err == nil {
		t.Error("deep nesting must be refused")
	}
}

func TestIsExpression(t *testing.T) {
	for in, want := range map[string][3]any{
		"[concat('a')]": {"concat('a')", "", true},
		"[[literal]":    {"", "[literal]", false},
		"plain":         {"", "plain", false},
		"[not closed":   {"", "[not closed", false},
	} {
		e, l, ok := isExpression(in)
		if [3]any{e, l, ok} != want {
			t.Errorf("%q: got %q %q %v", in, e, l, ok)
		}
	}
}

func FuzzParseExpr(f *testing.F) {
	for _, s := range []string{"concat(parameters('a'), 'b')[0].c", "if(equals(1, 2), 'x', format('{0}', 3))", "resourceGroup().location"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := parseExpr(s)
		if err != nil {
			return
		}
		evalNode(testEnv{params: map[string]any{}, vars: map[string]any{}}, n, 0)
	})
}
