package arm

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/google/uuid"
	"github.com/onus-project/onus/internal/resource"
)

// unknownV is a value known only at deployment (a location, a
// subscription id, a resource's runtime property). repr is the expression
// that computes it, with known parts folded in, so two expressions that
// name the same deployment value print the same; target is the resource a
// resourceId() or reference() points at (an index key), if any.
type unknownV struct {
	repr   string
	target string
}

// env is what an expression can read.
type env interface {
	parameter(name string) (any, error)
	variable(name string) (any, error)
	copyIndex(loop string) (int, error)
	resourceKey(typ string, names []any) string
	lookupName(name string) string
}

// evalNode evaluates a parsed expression.
func evalNode(e env, n node, depth int) (any, error) {
	if depth > maxExprDepth {
		return nil, fmt.Errorf("expression nests deeper than %d", maxExprDepth)
	}
	switch x := n.(type) {
	case litNode:
		return x.v, nil
	case propNode:
		v, err := evalNode(e, x.x, depth+1)
		if err != nil {
			return nil, err
		}
		switch o := v.(type) {
		case unknownV:
			return unknownV{repr: o.repr + "." + x.name, target: o.target}, nil
		case map[string]any:
			if pv, ok := getFold(o, x.name); ok {
				return pv, nil
			}
			return nil, fmt.Errorf("the object has no property %q", x.name)
		default:
			return nil, fmt.Errorf("cannot read property %q of %s", x.name, typeName(v))
		}
	case indexNode:
		v, err := evalNode(e, x.x, depth+1)
		if err != nil {
			return nil, err
		}
		i, err := evalNode(e, x.i, depth+1)
		if err != nil {
			return nil, err
		}
		if u, ok := v.(unknownV); ok {
			return unknownV{repr: u.repr + "[" + repr(i) + "]", target: u.target}, nil
		}
		if isUnknown(i) {
			return unknownV{repr: repr(v) + "[" + repr(i) + "]"}, nil
		}
		switch o := v.(type) {
		case []any:
			idx, ok := toInt(i)
			if !ok || idx < 0 || idx >= len(o) {
				return nil, fmt.Errorf("index %s is out of range of an array of %d", repr(i), len(o))
			}
			return o[idx], nil
		case map[string]any:
			k, ok := i.(string)
			if !ok {
				return nil, fmt.Errorf("an object is indexed by a string, not %s", typeName(i))
			}
			if pv, ok := getFold(o, k); ok {
				return pv, nil
			}
			return nil, fmt.Errorf("the object has no property %q", k)
		default:
			return nil, fmt.Errorf("cannot index %s", typeName(v))
		}
	case callNode:
		return call(e, x, depth)
	}
	return nil, fmt.Errorf("unknown expression")
}

func getFold(m map[string]any, k string) (any, bool) {
	if v, ok := m[k]; ok {
		return v, true
	}
	for mk, v := range m {
		if strings.EqualFold(mk, k) {
			return v, true
		}
	}
	return nil, false
}

// call evaluates a function call. if, and, or and coalesce evaluate their
// arguments lazily.
func call(e env, c callNode, depth int) (any, error) {
	arg := func(i int) (any, error) { return evalNode(e, c.args[i], depth+1) }
	switch c.name {
	case "if":
		if len(c.args) != 3 {
			return nil, fmt.Errorf("if takes 3 arguments")
		}
		cond, err := arg(0)
		if err != nil {
			return nil, err
		}
		b, ok := cond.(bool)
		if !ok {
			if isUnknown(cond) {
				return unknownV{repr: "if(" + repr(cond) + ", ...)"}, nil
			}
			return nil, fmt.Errorf("if: the condition is %s, not a bool", typeName(cond))
		}
		if b {
			return arg(1)
		}
		return arg(2)
	case "and", "or":
		decisive := c.name == "or"
		unknown := false
		for i := range c.args {
			v, err := arg(i)
			if err != nil {
				return nil, err
			}
			b, ok := v.(bool)
			if !ok {
				if isUnknown(v) {
					unknown = true
					continue
				}
				return nil, fmt.Errorf("%s: %s is not a bool", c.name, typeName(v))
			}
			if b == decisive {
				return decisive, nil
			}
		}
		if unknown {
			return unknownV{repr: c.name + "(...)"}, nil
		}
		return !decisive, nil
	case "coalesce":
		for i := range c.args {
			v, err := arg(i)
			if err != nil {
				return nil, err
			}
			if isUnknown(v) {
				return unknownV{repr: "coalesce(...)"}, nil
			}
			if v != nil {
				return v, nil
			}
		}
		return nil, nil
	}
	args := make([]any, len(c.args))
	for i := range c.args {
		v, err := arg(i)
		if err != nil {
			return nil, err
		}
		args[i] = v
	}
	return builtin(e, c.name, args)
}

// deployment-context functions: their values exist only in Azure.
var contextFuncs = []string{"resourcegroup", "subscription", "tenant", "deployment", "environment", "managementgroup", "utcnow", "newguid", "providers", "pickzones", "deployer"}

// builtin applies a function to evaluated arguments.
func builtin(e env, name string, args []any) (any, error) {
	switch name {
	case "parameters", "variables":
		if len(args) != 1 {
			return nil, fmt.Errorf("%s takes one name", name)
		}
		n, ok := args[0].(string)
		if !ok {
			return unknownV{repr: name + "(" + repr(args[0]) + ")"}, nil
		}
		if name == "parameters" {
			return e.parameter(n)
		}
		return e.variable(n)
	case "copyindex":
		loop, offset := "", 0
		for _, a := range args {
			switch x := a.(type) {
			case string:
				loop = x
			default:
				o, ok := toInt(x)
				if !ok {
					return nil, fmt.Errorf("copyIndex: the offset must be an integer")
				}
				offset = o
			}
		}
		i, err := e.copyIndex(loop)
		if err != nil {
			return nil, err
		}
		return int64(i + offset), nil
	case "resourceid", "subscriptionresourceid", "tenantresourceid", "extensionresourceid":
		return resourceID(e, name, args)
	case "reference":
		if len(args) == 0 {
			return nil, fmt.Errorf("reference takes a resource name or id")
		}
		return unknownV{repr: "reference(" + repr(args[0]) + ")", target: targetOf(e, args[0])}, nil
	}
	if slices.Contains(contextFuncs, name) {
		return unknownV{repr: name + "()"}, nil
	}
	if strings.HasPrefix(name, "list") {
		t := ""
		if len(args) > 0 {
			t = targetOf(e, args[0])
		}
		return unknownV{repr: name + "(...)", target: t}, nil
	}
	for _, a := range args {
		if isUnknown(a) {
			parts := make([]string, len(args))
			for i, x := range args {
				parts[i] = repr(x)
			}
			return unknownV{repr: name + "(" + strings.Join(parts, ", ") + ")"}, nil
		}
	}
	return pure(name, args)
}

// targetOf resolves what reference() or list*() names: a resourceId()
// result, a resource name or a resource id string.
func targetOf(e env, v any) string {
	switch x := v.(type) {
	case unknownV:
		return x.target
	case string:
		return e.lookupName(x)
	}
	return ""
}

// resourceID builds the index key of resourceId(['sub'], ['rg'], 'type',
// 'name1', ...): the first argument that looks like a resource type starts
// the type and names.
func resourceID(e env, fn string, args []any) (any, error) {
	start := -1
	for i, a := range args {
		if s, ok := a.(string); ok && strings.Contains(s, "/") && strings.Contains(strings.SplitN(s, "/", 2)[0], ".") {
			start = i
			break
		}
	}
	if start < 0 || start == len(args)-1 {
		return nil, fmt.Errorf("%s: want a resource type and names", fn)
	}
	typ := args[start].(string)
	names := args[start+1:]
	parts := make([]string, len(args))
	for i, a := range args {
		parts[i] = repr(a)
	}
	return unknownV{repr: fn + "(" + strings.Join(parts, ", ") + ")", target: e.resourceKey(typ, names)}, nil
}

// pure evaluates the functions whose result depends only on their
// (known) arguments.
func pure(name string, args []any) (any, error) {
	str := func(i int) (string, error) {
		if i >= len(args) {
			return "", fmt.Errorf("%s: missing argument %d", name, i+1)
		}
		s, ok := args[i].(string)
		if !ok {
			return "", fmt.Errorf("%s: argument %d is %s, not a string", name, i+1, typeName(args[i]))
		}
		return s, nil
	}
	num := func(i int) (int, error) {
		if i >= len(args) {
			return 0, fmt.Errorf("%s: missing argument %d", name, i+1)
		}
		n, ok := toInt(args[i])
		if !ok {
			return 0, fmt.Errorf("%s: argument %d is %s, not an integer", name, i+1, typeName(args[i]))
		}
		return n, nil
	}
	need := func(n int) error {
		if len(args) != n {
			return fmt.Errorf("%s takes %d arguments, got %d", name, n, len(args))
		}
		return nil
	}
	switch name {
	case "true":
		return true, nil
	case "false":
		return false, nil
	case "null":
		return nil, nil
	case "concat":
		if len(args) == 0 {
			return "", nil
		}
		if _, isList := args[0].([]any); isList {
			var out []any
			for _, a := range args {
				l, ok := a.([]any)
				if !ok {
					return nil, fmt.Errorf("concat: cannot mix arrays and %s", typeName(a))
				}
				out = append(out, l...)
			}
			if out == nil {
				out = []any{}
			}
			return out, nil
		}
		var b strings.Builder
		for _, a := range args {
			s, err := toString(a)
			if err != nil {
				return nil, fmt.Errorf("concat: %w", err)
			}
			b.WriteString(s)
		}
		return b.String(), nil
	case "format":
		f, err := str(0)
		if err != nil {
			return nil, err
		}
		return format(f, args[1:])
	case "string":
		if err := need(1); err != nil {
			return nil, err
		}
		return toString(args[0])
	case "int":
		if err := need(1); err != nil {
			return nil, err
		}
		switch x := args[0].(type) {
		case string:
			n, err := strconv.ParseInt(strings.TrimSpace(x), 10, 64)
			if err != nil {
				return nil, fmt.Errorf("int: %q is not an integer", x)
			}
			return n, nil
		default:
			n, err := num(0)
			return int64(n), err
		}
	case "bool":
		if err := need(1); err != nil {
			return nil, err
		}
		switch x := args[0].(type) {
		case bool:
			return x, nil
		case string:
			return strconv.ParseBool(strings.ToLower(x))
		case int64:
			return x != 0, nil
		}
		return nil, fmt.Errorf("bool: cannot convert %s", typeName(args[0]))
	case "tolower", "toupper", "trim", "base64", "base64tostring", "base64tojson", "uricomponent", "uricomponenttostring", "json":
		s, err := str(0)
		if err != nil {
			return nil, err
		}
		switch name {
		case "tolower":
			return strings.ToLower(s), nil
		case "toupper":
			return strings.ToUpper(s), nil
		case "trim":
			return strings.TrimSpace(s), nil
		case "base64":
			return base64.StdEncoding.EncodeToString([]byte(s)), nil
		case "base64tostring", "base64tojson":
			b, err := base64.StdEncoding.DecodeString(s)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
			if name == "base64tostring" {
				return string(b), nil
			}
			return decodeJSON(string(b))
		case "uricomponent":
			return url.QueryEscape(s), nil
		case "uricomponenttostring":
			return url.QueryUnescape(s)
		default:
			return decodeJSON(s)
		}
	case "replace":
		s, err := str(0)
		if err != nil {
			return nil, err
		}
		o, err := str(1)
		if err != nil {
			return nil, err
		}
		n, err := str(2)
		if err != nil {
			return nil, err
		}
		return strings.ReplaceAll(s, o, n), nil
	case "split":
		s, err := str(0)
		if err != nil {
			return nil, err
		}
		var delims []string
		switch d := args[1].(type) {
		case string:
			delims = []string{d}
		case []any:
			for _, x := range d {
				if ds, ok := x.(string); ok {
					delims = append(delims, ds)
				}
			}
		}
		parts := []string{s}
		for _, d := range delims {
			var next []string
			for _, p := range parts {
				next = append(next, strings.Split(p, d)...)
			}
			parts = next
		}
		out := make([]any, len(parts))
		for i, p := range parts {
			out[i] = p
		}
		return out, nil
	case "substring":
		s, err := str(0)
		if err != nil {
			return nil, err
		}
		start, err := num(1)
		if err != nil {
			return nil, err
		}
		n := len(s) - start
		if len(args) > 2 {
			if n, err = num(2); err != nil {
				return nil, err
			}
		}
		if start < 0 || n < 0 || start+n > len(s) {
			return nil, fmt.Errorf("substring: %d+%d is out of range of a string of %d", start, n, len(s))
		}
		return s[start : start+n], nil
	case "startswith", "endswith":
		s, err := str(0)
		if err != nil {
			return nil, err
		}
		x, err := str(1)
		if err != nil {
			return nil, err
		}
		if name == "startswith" {
			return strings.HasPrefix(strings.ToLower(s), strings.ToLower(x)), nil
		}
		return strings.HasSuffix(strings.ToLower(s), strings.ToLower(x)), nil
	case "indexof", "lastindexof":
		if l, ok := args[0].([]any); ok {
			idx := -1
			for i, x := range l {
				if equal(x, args[1]) {
					idx = i
					if name == "indexof" {
						break
					}
				}
			}
			return int64(idx), nil
		}
		s, err := str(0)
		if err != nil {
			return nil, err
		}
		x, err := str(1)
		if err != nil {
			return nil, err
		}
		if name == "indexof" {
			return int64(strings.Index(strings.ToLower(s), strings.ToLower(x))), nil
		}
		return int64(strings.LastIndex(strings.ToLower(s), strings.ToLower(x))), nil
	case "padleft":
		s, err := toString(args[0])
		if err != nil {
			return nil, err
		}
		n, err := num(1)
		if err != nil {
			return nil, err
		}
		pad := " "
		if len(args) > 2 {
			if pad, err = str(2); err != nil || pad == "" {
				return nil, fmt.Errorf("padLeft: the padding is one character")
			}
		}
		if n > 1<<16 {
			return nil, fmt.Errorf("padLeft: %d is too long", n)
		}
		for len(s) < n {
			s = pad[:1] + s
		}
		return s, nil
	case "uniquestring":
		parts := make([]string, len(args))
		for i := range args {
			s, err := str(i)
			if err != nil {
				return nil, err
			}
			parts[i] = s
		}
		if len(parts) == 0 {
			return nil, fmt.Errorf("uniqueString takes at least one string")
		}
		return uniqueString(parts...), nil
	case "guid":
		parts := make([]string, len(args))
		for i := range args {
			s, err := str(i)
			if err != nil {
				return nil, err
			}
			parts[i] = s
		}
		return uuid.NewSHA1(armNamespace, []byte(strings.Join(parts, "-"))).String(), nil
	case "uri":
		base, err := str(0)
		if err != nil {
			return nil, err
		}
		rel, err := str(1)
		if err != nil {
			return nil, err
		}
		b, err := url.Parse(base)
		if err != nil {
			return nil, fmt.Errorf("uri: %w", err)
		}
		r, err := url.Parse(rel)
		if err != nil {
			return nil, fmt.Errorf("uri: %w", err)
		}
		return b.ResolveReference(r).String(), nil
	case "empty":
		if err := need(1); err != nil {
			return nil, err
		}
		switch x := args[0].(type) {
		case nil:
			return true, nil
		case string:
			return x == "", nil
		case []any:
			return len(x) == 0, nil
		case map[string]any:
			return len(x) == 0, nil
		}
		return false, nil
	case "length":
		if err := need(1); err != nil {
			return nil, err
		}
		switch x := args[0].(type) {
		case string:
			return int64(len(x)), nil
		case []any:
			return int64(len(x)), nil
		case map[string]any:
			return int64(len(x)), nil
		}
		return nil, fmt.Errorf("length of %s", typeName(args[0]))
	case "first", "last":
		if err := need(1); err != nil {
			return nil, err
		}
		switch x := args[0].(type) {
		case string:
			if x == "" {
				return "", nil
			}
			if name == "first" {
				return x[:1], nil
			}
			return x[len(x)-1:], nil
		case []any:
			if len(x) == 0 {
				return nil, nil
			}
			if name == "first" {
				return x[0], nil
			}
			return x[len(x)-1], nil
		}
		return nil, fmt.Errorf("%s of %s", name, typeName(args[0]))
	case "take", "skip":
		n, err := num(1)
		if err != nil {
			return nil, err
		}
		switch x := args[0].(type) {
		case string:
			n = max(0, min(n, len(x)))
			if name == "take" {
				return x[:n], nil
			}
			return x[n:], nil
		case []any:
			n = max(0, min(n, len(x)))
			if name == "take" {
				return slices.Clone(x[:n]), nil
			}
			return slices.Clone(x[n:]), nil
		}
		return nil, fmt.Errorf("%s of %s", name, typeName(args[0]))
	case "contains":
		if err := need(2); err != nil {
			return nil, err
		}
		switch x := args[0].(type) {
		case string:
			s, err := toString(args[1])
			if err != nil {
				return nil, err
			}
			return strings.Contains(x, s), nil
		case []any:
			for _, v := range x {
				if equal(v, args[1]) {
					return true, nil
				}
			}
			return false, nil
		case map[string]any:
			k, _ := args[1].(string)
			_, ok := getFold(x, k)
			return ok, nil
		}
		return nil, fmt.Errorf("contains on %s", typeName(args[0]))
	case "createarray", "array":
		if name == "array" && len(args) == 1 {
			if l, ok := args[0].([]any); ok {
				return l, nil
			}
		}
		return append([]any{}, args...), nil
	case "createobject":
		if len(args)%2 != 0 {
			return nil, fmt.Errorf("createObject takes key, value pairs")
		}
		m := map[string]any{}
		for i := 0; i < len(args); i += 2 {
			k, err := str(i)
			if err != nil {
				return nil, err
			}
			m[k] = args[i+1]
		}
		return m, nil
	case "union", "intersection":
		return setOp(name, args)
	case "items":
		m, ok := args[0].(map[string]any)
		if !ok {
			return nil, fmt.Errorf("items of %s", typeName(args[0]))
		}
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		out := make([]any, len(keys))
		for i, k := range keys {
			out[i] = map[string]any{"key": k, "value": m[k]}
		}
		return out, nil
	case "range":
		start, err := num(0)
		if err != nil {
			return nil, err
		}
		n, err := num(1)
		if err != nil {
			return nil, err
		}
		if n < 0 || n > 10000 {
			return nil, fmt.Errorf("range: count %d out of bounds", n)
		}
		out := make([]any, n)
		for i := range out {
			out[i] = int64(start + i)
		}
		return out, nil
	case "min", "max":
		vals := args
		if len(args) == 1 {
			if l, ok := args[0].([]any); ok {
				vals = l
			}
		}
		if len(vals) == 0 {
			return nil, fmt.Errorf("%s of nothing", name)
		}
		best, ok := toInt(vals[0])
		if !ok {
			return nil, fmt.Errorf("%s of %s", name, typeName(vals[0]))
		}
		for _, v := range vals[1:] {
			n, ok := toInt(v)
			if !ok {
				return nil, fmt.Errorf("%s of %s", name, typeName(v))
			}
			if (name == "min" && n < best) || (name == "max" && n > best) {
				best = n
			}
		}
		return int64(best), nil
	case "add", "sub", "mul", "div", "mod":
		a, err := num(0)
		if err != nil {
			return nil, err
		}
		b, err := num(1)
		if err != nil {
			return nil, err
		}
		switch name {
		case "add":
			return int64(a + b), nil
		case "sub":
			return int64(a - b), nil
		case "mul":
			return int64(a * b), nil
		}
		if b == 0 {
			return nil, fmt.Errorf("%s by zero", name)
		}
		if name == "div" {
			return int64(a / b), nil
		}
		return int64(a % b), nil
	case "equals":
		if err := need(2); err != nil {
			return nil, err
		}
		return equal(args[0], args[1]), nil
	case "not":
		if err := need(1); err != nil {
			return nil, err
		}
		b, ok := args[0].(bool)
		if !ok {
			return nil, fmt.Errorf("not of %s", typeName(args[0]))
		}
		return !b, nil
	case "less", "lessorequals", "greater", "greaterorequals":
		if err := need(2); err != nil {
			return nil, err
		}
		c, err := compare(args[0], args[1])
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		switch name {
		case "less":
			return c < 0, nil
		case "lessorequals":
			return c <= 0, nil
		case "greater":
			return c > 0, nil
		}
		return c >= 0, nil
	}
	return nil, fmt.Errorf("the function %s is not evaluated", name)
}

// armNamespace is the namespace of guid(): a version 5 UUID of the
// dash-joined arguments.
var armNamespace = uuid.MustParse("11fb06fb-712d-4ddd-98c7-e71bbd588830")

func setOp(name string, args []any) (any, error) {
	if len(args) == 0 {
		return nil, fmt.Errorf("%s of nothing", name)
	}
	switch first := args[0].(type) {
	case []any:
		var out []any
		if name == "union" {
			for _, a := range args {
				l, ok := a.([]any)
				if !ok {
					return nil, fmt.Errorf("%s: cannot mix arrays and %s", name, typeName(a))
				}
				for _, v := range l {
					if !slices.ContainsFunc(out, func(x any) bool { return equal(x, v) }) {
						out = append(out, v)
					}
				}
			}
		} else {
			for _, v := range first {
				in := true
				for _, a := range args[1:] {
					l, _ := a.([]any)
					if !slices.ContainsFunc(l, func(x any) bool { return equal(x, v) }) {
						in = false
					}
				}
				if in && !slices.ContainsFunc(out, func(x any) bool { return equal(x, v) }) {
					out = append(out, v)
				}
			}
		}
		if out == nil {
			out = []any{}
		}
		return out, nil
	case map[string]any:
		out := map[string]any{}
		if name == "union" {
			for _, a := range args {
				m, ok := a.(map[string]any)
				if !ok {
					return nil, fmt.Errorf("%s: cannot mix objects and %s", name, typeName(a))
				}
				for k, v := range m {
					out[k] = v
				}
			}
			return out, nil
		}
		for k, v := range first {
			in := true
			for _, a := range args[1:] {
				m, _ := a.(map[string]any)
				if mv, ok := m[k]; !ok || !equal(mv, v) {
					in = false
				}
			}
			if in {
				out[k] = v
			}
		}
		return out, nil
	}
	return nil, fmt.Errorf("%s of %s", name, typeName(args[0]))
}

// format implements .NET composite formatting: {0}, {1:D3}, {{ and }}.
func format(f string, args []any) (string, error) {
	var b strings.Builder
	for i := 0; i < len(f); i++ {
		c := f[i]
		switch {
		case c == '{' && i+1 < len(f) && f[i+1] == '{':
			b.WriteByte('{')
			i++
		case c == '}' && i+1 < len(f) && f[i+1] == '}':
			b.WriteByte('}')
			i++
		case c == '{':
			end := strings.IndexByte(f[i:], '}')
			if end < 0 {
				return "", fmt.Errorf("format: unclosed {")
			}
			spec := f[i+1 : i+end]
			idxText, verb, _ := strings.Cut(spec, ":")
			idx, err := strconv.Atoi(strings.TrimSpace(idxText))
			if err != nil || idx < 0 || idx >= len(args) {
				return "", fmt.Errorf("format: bad placeholder {%s}", spec)
			}
			s, err := toString(args[idx])
			if err != nil {
				return "", err
			}
			if len(verb) > 1 && (verb[0] == 'D' || verb[0] == 'd') {
				if w, err := strconv.Atoi(verb[1:]); err == nil && w < 64 {
					for len(s) < w {
						s = "0" + s
					}
				}
			}
			b.WriteString(s)
			i += end
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), nil
}

func decodeJSON(s string) (any, error) {
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("json: %w", err)
	}
	return resource.PlainNumbers(v), nil
}

// toString renders a value as ARM's string() does.
func toString(v any) (string, error) {
	switch x := v.(type) {
	case string:
		return x, nil
	case bool:
		if x {
			return "True", nil
		}
		return "False", nil
	case int64:
		return strconv.FormatInt(x, 10), nil
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64), nil
	case nil:
		return "", nil
	case []any, map[string]any:
		b, err := json.Marshal(x)
		return string(b), err
	}
	return "", fmt.Errorf("cannot convert %s to a string", typeName(v))
}

func toInt(v any) (int, bool) {
	switch x := v.(type) {
	case int64:
		return int(x), true
	case int:
		return x, true
	case float64:
		return int(x), x == math.Trunc(x)
	}
	return 0, false
}

func compare(a, b any) (int, error) {
	if x, ok := toInt(a); ok {
		if y, ok := toInt(b); ok {
			return x - y, nil
		}
	}
	if x, ok := a.(string); ok {
		if y, ok := b.(string); ok {
			return strings.Compare(x, y), nil
		}
	}
	return 0, fmt.Errorf("cannot compare %s with %s", typeName(a), typeName(b))
}

func equal(a, b any) bool {
	if x, ok := toInt(a); ok {
		if y, ok := toInt(b); ok {
			return x == y
		}
	}
	ab, err1 := json.Marshal(a)
	bb, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && string(ab) == string(bb)
}

func isUnknown(v any) bool {
	switch x := v.(type) {
	case unknownV:
		return true
	case []any:
		return slices.ContainsFunc(x, isUnknown)
	case map[string]any:
		for _, e := range x {
			if isUnknown(e) {
				return true
			}
		}
	}
	return false
}

// repr prints a value as an expression argument.
func repr(v any) string {
	switch x := v.(type) {
	case unknownV:
		return x.repr
	case string:
		return litNode{x}.String()
	case nil:
		return "null()"
	case []any, map[string]any:
		parts := []string{}
		if l, ok := x.([]any); ok {
			for _, e := range l {
				parts = append(parts, repr(e))
			}
			return "createArray(" + strings.Join(parts, ", ") + ")"
		}
		m := x.(map[string]any)
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			parts = append(parts, repr(k), repr(m[k]))
		}
		return "createObject(" + strings.Join(parts, ", ") + ")"
	}
	return fmt.Sprint(v)
}

func typeName(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case int64, int, float64:
		return "a number"
	case bool:
		return "a bool"
	case nil:
		return "null"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	case unknownV:
		return "a deployment-time value"
	}
	return fmt.Sprintf("%T", v)
}

// uniqueString is ARM's uniqueString(): a 64-bit Murmur-style hash of the
// dash-joined arguments (the variant Azure Resource Manager uses), written
// as 13 lower-case base32 characters. It is deterministic, so a name built
// from known values is known; resourceGroup().id and the like stay unknown.
func uniqueString(parts ...string) string {
	h := murmur64([]byte(strings.Join(parts, "-")))
	const alphabet = "abcdefghijklmnopqrstuvwxyz234567"
	out := make([]byte, 13)
	for i := range out {
		out[i] = alphabet[h>>59]
		h <<= 5
	}
	return string(out)
}

func rotl(x uint32, r uint) uint32 { return x<<r | x>>(32-r) }

func fmix(h uint32) uint32 {
	h ^= h >> 16
	h *= 0x85ebca6b
	h ^= h >> 13
	h *= 0xc2b2ae35
	h ^= h >> 16
	return h
}

func le32(b []byte) uint32 {
	var v uint32
	for i := len(b) - 1; i >= 0; i-- {
		v = v<<8 | uint32(b[i])
	}
	return v
}

func murmur64(data []byte) uint64 {
	const c1, c2 = 0x239b961b, 0xab0e9789
	var h1, h2 uint32
	n := len(data)
	i := 0
	for ; i+8 <= n; i += 8 {
		k1 := le32(data[i : i+4])
		k2 := le32(data[i+4 : i+8])
		k1 = rotl(k1*c1, 15) * c2
		h1 ^= k1
		h1 = rotl(h1, 19) + h2
		h1 = h1*5 + 0x561ccd1b
		k2 = rotl(k2*c2, 17) * c1
		h2 ^= k2
		h2 = rotl(h2, 13) + h1
		h2 = h2*5 + 0x0bcaa747
	}
	if rest := n - i; rest > 0 {
		k1 := le32(data[i:min(n, i+4)])
		k1 = rotl(k1*c1, 15) * c2
		h1 ^= k1
		if rest > 4 {
			k2 := le32(data[i+4 : n])
			k2 = rotl(k2*c2, 17) * c1
			h2 ^= k2
		}
	}
	h1 ^= uint32(n)
	h2 ^= uint32(n)
	h1 += h2
	h2 += h1
	h1 = fmix(h1)
	h2 = fmix(h2)
	h1 += h2
	h2 += h1
	return uint64(h2)<<32 | uint64(h1)
}
