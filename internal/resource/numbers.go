package resource

import "encoding/json"

// PlainNumber turns a JSON number decoded with UseNumber into the int64
// (or, when it is not an integer, float64) the YAML loaders give.
func PlainNumber(n json.Number) any {
	if i, err := n.Int64(); err == nil {
		return i
	}
	f, _ := n.Float64()
	return f
}

// PlainNumbers replaces every json.Number inside v with PlainNumber's
// value, in place, and returns v.
func PlainNumbers(v any) any {
	switch x := v.(type) {
	case json.Number:
		return PlainNumber(x)
	case map[string]any:
		for k, e := range x {
			x[k] = PlainNumbers(e)
		}
	case []any:
		for i, e := range x {
			x[i] = PlainNumbers(e)
		}
	}
	return v
}
