package engine

import (
	"encoding/json"
	"sync"
	"unsafe"

	"github.com/open-policy-agent/opa/v1/ast"
)

// maxInterned bounds the strings a converter shares: keys and short values
// (image pull policies, protocols, label values) repeat across resources,
// long ones (scripts, certificates) rarely do.
const maxInterned = 64

// converter turns resource documents into Rego values. A map or slice met
// twice (the pod spec a loader presents both under attrs and under pod) is
// converted once and shared, so memory does not double; equal short
// strings share one term across every document the converter sees.
type converter struct {
	seen    map[unsafe.Pointer]ast.Value
	strings map[string]*ast.Term
}

func newConverter() *converter {
	return &converter{seen: map[unsafe.Pointer]ast.Value{}, strings: map[string]*ast.Term{}}
}

// maxPooledStrings bounds the strings a pooled converter keeps between
// evaluations.
const maxPooledStrings = 4096

// converters keeps converters between evaluations, with the strings they
// met: an admission request converts one object, and with a converter of
// its own every key of the object would be a new term in a growing map,
// where a pooled one already holds "metadata", "containers",
// "securityContext" and the rest from the requests before it.
var converters = sync.Pool{New: func() any { return newConverter() }}

func getConverter() *converter { return converters.Get().(*converter) }

func putConverter(c *converter) {
	clear(c.seen)
	if len(c.strings) > maxPooledStrings {
		// a scan's converter: its strings are the estate's, not worth keeping
		return
	}
	converters.Put(c)
}

// document converts one resource document. Sharing of maps and slices is
// per document; sharing of strings spans the converter's life.
func (c *converter) document(v any) (ast.Value, error) {
	clear(c.seen)
	return c.value(v)
}

// str returns the term of a string, shared when short.
func (c *converter) str(s string) *ast.Term {
	if len(s) > maxInterned {
		return ast.StringTerm(s)
	}
	if t, ok := c.strings[s]; ok {
		return t
	}
	t := ast.StringTerm(s)
	c.strings[s] = t
	return t
}

func (c *converter) term(v any) (*ast.Term, error) {
	if s, ok := v.(string); ok {
		return c.str(s), nil
	}
	x, err := c.value(v)
	if err != nil {
		return nil, err
	}
	return ast.NewTerm(x), nil
}

func (c *converter) value(v any) (ast.Value, error) {
	switch x := v.(type) {
	case nil:
		return ast.Null{}, nil
	case bool:
		return ast.Boolean(x), nil
	case string:
		return c.str(x).Value, nil
	case int:
		return ast.InterfaceToValue(x)
	case int64:
		return ast.InterfaceToValue(x)
	case float64:
		return ast.InterfaceToValue(x)
	case json.Number:
		return ast.Number(x), nil
	case map[string]any:
		if len(x) == 0 {
			return ast.NewObject(), nil
		}
		key := *(*unsafe.Pointer)(unsafe.Pointer(&x)) // the map's identity
		if v, ok := c.seen[key]; ok {
			return v, nil
		}
		obj := ast.NewObjectWithCapacity(len(x))
		for k, e := range x {
			et, err := c.term(e)
			if err != nil {
				return nil, err
			}
			obj.Insert(c.str(k), et)
		}
		c.seen[key] = obj
		return obj, nil
	case []any:
		if len(x) == 0 {
			return ast.NewArray(), nil
		}
		key := unsafe.Pointer(unsafe.SliceData(x))
		if v, ok := c.seen[key]; ok {
			if arr, ok := v.(*ast.Array); ok && arr.Len() == len(x) {
				return v, nil
			}
		}
		terms := make([]*ast.Term, len(x))
		for i, e := range x {
			et, err := c.term(e)
			if err != nil {
				return nil, err
			}
			terms[i] = et
		}
		arr := ast.NewArray(terms...)
		c.seen[key] = arr
		return arr, nil
	}
	return ast.InterfaceToValue(v)
}
