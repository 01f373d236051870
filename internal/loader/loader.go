// Package loader turns discovered inputs into resources. Each input format
// has its own package behind the Loader interface; a Set, assembled by the
// caller, picks the loader for a format.
package loader

import (
	"context"
	"io/fs"

	"github.com/onus-project/onus/internal/discover"
	"github.com/onus-project/onus/internal/resource"
	"github.com/onus-project/onus/internal/source"
)

// Loader reads one input from fsys (the scan root) into resources. Problems
// in the input are diagnostics; a loader returns what it could read.
type Loader interface {
	Load(ctx context.Context, fsys fs.FS, in discover.Input) ([]*resource.Resource, source.Diagnostics)
}

// Grouper is implemented by loaders whose inputs depend on one another:
// given every input of their format, it returns the ones to load (Terraform
// drops directories that another directory calls as a module).
type Grouper interface {
	Group(fsys fs.FS, ins []discover.Input) []discover.Input
}

// Set maps formats to loaders. The zero value has none.
type Set struct {
	byFormat map[discover.Format]Loader
}

// NewSet returns an empty set.
func NewSet() *Set { return &Set{byFormat: map[discover.Format]Loader{}} }

// With registers l for the formats and returns the set.
func (s *Set) With(l Loader, formats ...discover.Format) *Set {
	for _, f := range formats {
		s.byFormat[f] = l
	}
	return s
}

// For returns the loader of a format, or nil.
func (s *Set) For(f discover.Format) Loader {
	if s == nil {
		return nil
	}
	return s.byFormat[f]
}

// Settle removes the values unknown reports as unknown from an evaluated
// attribute value at path p (a template expression's result): map entries
// are dropped, list items nulled, and record receives the path of each.
// The value is changed in place and returned.
func Settle(v any, p resource.Path, unknown func(any) bool, record func(resource.Path)) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			cp := p.Append(resource.Key(k))
			if unknown(e) {
				delete(x, k)
				record(cp)
				continue
			}
			x[k] = Settle(e, cp, unknown, record)
		}
	case []any:
		for i, e := range x {
			cp := p.Append(resource.Index(i))
			if unknown(e) {
				x[i] = nil
				record(cp)
				continue
			}
			x[i] = Settle(e, cp, unknown, record)
		}
	}
	return v
}

// Clone copies the lists and maps of a plain value (scalars are shared),
// so that settling an evaluated value does not change the parameter or
// variable it came from.
func Clone(v any) any {
	switch x := v.(type) {
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = Clone(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = Clone(e)
		}
		return out
	}
	return v
}
