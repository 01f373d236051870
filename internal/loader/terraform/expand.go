package terraform

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/gocty"
)

type expandMode int

const (
	expandSingle  expandMode = iota // no count or for_each
	expandCount                     // count = N
	expandForEach                   // for_each = map or set
	expandUnknown                   // count or for_each not known: evaluated once, without a key
)

// instanceKey is the key of one instance: [0] or ["eu"], or none.
type instanceKey struct {
	kind int // 0 none, 1 int, 2 string
	i    int
	s    string
}

// String prints the key as Terraform does in addresses.
func (k instanceKey) String() string {
	switch k.kind {
	case 1:
		return "[" + strconv.Itoa(k.i) + "]"
	case 2:
		return "[" + quoteHCL(k.s) + "]"
	}
	return ""
}

// quoteHCL quotes a string the way Terraform writes instance keys: HCL
// string syntax, with template sequences escaped.
func quoteHCL(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i, r := range s {
		switch r {
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '$', '%':
			b.WriteRune(r)
			if i+1 < len(s) && s[i+1] == '{' {
				b.WriteRune(r)
			}
		default:
			if !unicode.IsPrint(r) {
				if r < 0x10000 {
					fmt.Fprintf(&b, `\u%04x`, r)
				} else {
					fmt.Fprintf(&b, `\U%08x`, r)
				}
				continue
			}
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// expansion is the set of instances of a block.
type expansion struct {
	mode    expandMode
	keys    []instanceKey
	eachVal []cty.Value    // for_each: each.value of every key
	forEach hcl.Expression // for_each: the expression, whose refs each.* inherits
}

// scope returns the scope of instance i.
func (e expansion) scope(m *modInst, i int) *scope {
	sc := &scope{m: m}
	switch e.mode {
	case expandCount:
		sc.count = cty.NumberIntVal(int64(e.keys[i].i))
	case expandForEach:
		sc.eachKey, sc.eachVal, sc.forEach = cty.StringVal(e.keys[i].s), e.eachVal[i], e.forEach
	case expandUnknown:
		sc.count = cty.UnknownVal(cty.Number)
		sc.eachKey, sc.eachVal = cty.UnknownVal(cty.String), cty.DynamicVal
	}
	return sc
}

var single = expansion{mode: expandSingle, keys: []instanceKey{{}}}

// expand evaluates count or for_each of a block in scope sc.
func (ev *evaluator) expand(sc *scope, count, forEach hcl.Expression, what string) expansion {
	switch {
	case count != nil:
		return ev.expandCount(sc, count, what)
	case forEach != nil:
		e := ev.expandForEach(sc, forEach, what)
		e.forEach = forEach
		return e
	}
	return single
}

func (ev *evaluator) unknownExpansion(expr hcl.Expression, what, arg string) expansion {
	ev.diags = append(ev.diags, hclWarn(expr.Range().Ptr(), "Instances not known",
		"The %s value of %s depends on values known only after apply; onus evaluates it once, without an instance key.", arg, what))
	return expansion{mode: expandUnknown, keys: []instanceKey{{}}}
}

func (ev *evaluator) expandCount(sc *scope, expr hcl.Expression, what string) expansion {
	v := ev.eval(sc, expr)
	if !v.IsKnown() {
		return ev.unknownExpansion(expr, what, "count")
	}
	if v.IsNull() {
		ev.diags = append(ev.diags, hclErr(expr.Range().Ptr(), "Invalid count argument", "The given \"count\" argument value is null. An integer is required."))
		return expansion{mode: expandCount}
	}
	nv, err := convertTo(v, cty.Number)
	var n int
	if err == nil {
		err = gocty.FromCtyValue(nv, &n)
	}
	if err != nil {
		ev.diags = append(ev.diags, hclErr(expr.Range().Ptr(), "Invalid count argument", "The given \"count\" argument value is unsuitable: %v.", err))
		return expansion{mode: expandCount}
	}
	if n < 0 {
		ev.diags = append(ev.diags, hclErr(expr.Range().Ptr(), "Invalid count argument", "The given \"count\" argument value is unsuitable: must be greater than or equal to zero."))
		return expansion{mode: expandCount}
	}
	if n > ev.limits.MaxInstances {
		ev.diags = append(ev.diags, hclErr(expr.Range().Ptr(), "Too many instances",
			"count = %d is over onus's limit of %d instances per block; %s was not evaluated.", n, ev.limits.MaxInstances, what))
		return expansion{mode: expandCount}
	}
	e := expansion{mode: expandCount, keys: make([]instanceKey, n)}
	for i := range n {
		e.keys[i] = instanceKey{kind: 1, i: i}
	}
	return e
}

func (ev *evaluator) expandForEach(sc *scope, expr hcl.Expression, what string) expansion {
	v := ev.eval(sc, expr)
	if !v.IsKnown() {
		return ev.unknownExpansion(expr, what, "for_each")
	}
	bad := func(format string, args ...any) expansion {
		ev.diags = append(ev.diags, hclErr(expr.Range().Ptr(), "Invalid for_each argument", format, args...))
		return expansion{mode: expandForEach}
	}
	if v.IsNull() {
		return bad("The given \"for_each\" argument value is null. A map, or set of strings is allowed.")
	}
	ty := v.Type()
	switch {
	case ty.IsMapType() || ty.IsObjectType():
		if !v.IsWhollyKnown() && !keysKnown(v) {
			return ev.unknownExpansion(expr, what, "for_each")
		}
		if v.LengthInt() > ev.limits.MaxInstances {
			return bad("for_each has %d elements, over onus's limit of %d instances per block; %s was not evaluated.", v.LengthInt(), ev.limits.MaxInstances, what)
		}
		e := expansion{mode: expandForEach}
		for it := v.ElementIterator(); it.Next(); {
			k, val := it.Element()
			e.keys = append(e.keys, instanceKey{kind: 2, s: k.AsString()})
			e.eachVal = append(e.eachVal, val)
		}
		return e
	case ty.IsSetType():
		if !v.IsWhollyKnown() {
			return ev.unknownExpansion(expr, what, "for_each")
		}
		if !ty.ElementType().Equals(cty.String) {
			if conv, err := convertTo(v, cty.Set(cty.String)); err == nil {
				v = conv
			} else {
				return bad("The given \"for_each\" argument value is unsuitable: a set of strings is required, not %s.", ty.FriendlyName())
			}
		}
		if v.LengthInt() > ev.limits.MaxInstances {
			return bad("for_each has %d elements, over onus's limit of %d instances per block; %s was not evaluated.", v.LengthInt(), ev.limits.MaxInstances, what)
		}
		e := expansion{mode: expandForEach}
		for it := v.ElementIterator(); it.Next(); {
			_, val := it.Element()
			if val.IsNull() {
				return bad("The given \"for_each\" argument value is unsuitable: a set must not contain null values.")
			}
			e.keys = append(e.keys, instanceKey{kind: 2, s: val.AsString()})
			e.eachVal = append(e.eachVal, val)
		}
		return e
	default:
		return bad("The given \"for_each\" argument value is unsuitable: the \"for_each\" argument must be a map, or set of strings, and you have provided a value of type %s.", ty.FriendlyName())
	}
}

// keysKnown reports whether a map's keys are known (its values may not be).
func keysKnown(v cty.Value) bool { return v.IsKnown() && !v.IsNull() }
