package engine

import (
	"encoding/json"
	"unsafe"

	"github.com/open-policy-agent/opa/v1/ast"
)

// converter turns resource documents into Rego values. A map or slice met
// twice (the pod spec a loader presents both under attrs and under pod) is
// converted once and shared, so memory does not double.
type converter struct {
	seen map[unsafe.Pointer]ast.Value
}

func newConverter() *converter { return &converter{seen: map[unsafe.Pointer]ast.Value{}} }

func (c *converter) value(v any) (ast.Value, error) {
	switch x := v.(type) {
	case nil:
		return ast.Null{}, nil
	case bool:
		return ast.Boolean(x), nil
	case string:
		return ast.String(x), nil
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
			ev, err := c.value(e)
			if err != nil {
				return nil, err
			}
			obj.Insert(ast.InternedTerm(k), ast.NewTerm(ev))
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
			ev, err := c.value(e)
			if err != nil {
				return nil, err
			}
			terms[i] = ast.NewTerm(ev)
		}
		arr := ast.NewArray(terms...)
		c.seen[key] = arr
		return arr, nil
	}
	return ast.InterfaceToValue(v)
}
