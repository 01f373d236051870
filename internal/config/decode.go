package config

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/onus-project/onus/internal/source"
)

// decoder reads a YAML node tree strictly: every unknown key, wrong type or
// bad value is a diagnostic at the line and column of the offending key or
// value, and every key's position is recorded under its dotted path so that
// later checks (unknown policy ids, team names) can point at it too.
type decoder struct {
	file  string
	diags source.Diagnostics
	pos   map[string]*source.Range
}

func (d *decoder) at(n *yaml.Node) *source.Range {
	if n == nil {
		return &source.Range{Filename: d.file}
	}
	return source.At(d.file, n.Line, n.Column)
}

func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	d.diags = append(d.diags, source.Errorf(d.at(n), "invalid config", format, args...))
}

func (d *decoder) record(path string, n *yaml.Node) {
	if _, ok := d.pos[path]; !ok {
		d.pos[path] = d.at(n)
	}
}

// deref follows aliases.
func deref(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 16; i++ {
		n = n.Alias
	}
	return n
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "null"
		}
		return fmt.Sprintf("%q", n.Value)
	}
	return "something else"
}

// fields decodes a mapping: each key must be one of fields, in any order,
// at most once. path names the mapping in messages and positions.
func (d *decoder) fields(n *yaml.Node, path string, fields map[string]func(k, v *yaml.Node, path string)) {
	n = deref(n)
	if n == nil || (n.Kind == yaml.ScalarNode && n.Tag == "!!null") {
		return
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "%s: want a mapping, got %s", orRoot(path), kindName(n))
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Value == "<<" {
			d.errorf(k, "%s: merge keys are not supported in onus.yaml", orRoot(path))
			continue
		}
		sub := join(path, k.Value)
		fn, ok := fields[k.Value]
		if !ok {
			known := make([]string, 0, len(fields))
			for f := range fields {
				known = append(known, f)
			}
			slices.Sort(known)
			d.errorf(k, "%s: unknown key %q (want one of %s)", orRoot(path), k.Value, strings.Join(known, ", "))
			continue
		}
		if seen[k.Value] {
			d.errorf(k, "%s: key %q is given twice", orRoot(path), k.Value)
			continue
		}
		seen[k.Value] = true
		d.record(sub, k)
		fn(k, deref(v), sub)
	}
}

// entries decodes a mapping of free keys (policy ids, team names).
func (d *decoder) entries(n *yaml.Node, path string, each func(k, v *yaml.Node, path string)) {
	n = deref(n)
	if n == nil || (n.Kind == yaml.ScalarNode && n.Tag == "!!null") {
		return
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "%s: want a mapping, got %s", path, kindName(n))
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if seen[k.Value] {
			d.errorf(k, "%s: key %q is given twice", path, k.Value)
			continue
		}
		seen[k.Value] = true
		sub := path + "." + k.Value
		d.record(sub, k)
		each(k, deref(v), sub)
	}
}

// list decodes a sequence; a single scalar is accepted as a list of one.
func (d *decoder) list(n *yaml.Node, path string, each func(i int, v *yaml.Node, path string)) {
	n = deref(n)
	if n == nil || (n.Kind == yaml.ScalarNode && n.Tag == "!!null") {
		return
	}
	if n.Kind == yaml.ScalarNode {
		sub := fmt.Sprintf("%s[0]", path)
		d.record(sub, n)
		each(0, n, sub)
		return
	}
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, "%s: want a list, got %s", path, kindName(n))
		return
	}
	for i, v := range n.Content {
		sub := fmt.Sprintf("%s[%d]", path, i)
		d.record(sub, v)
		each(i, deref(v), sub)
	}
}

func (d *decoder) str(n *yaml.Node, path string) string {
	if n == nil || n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		if n != nil {
			d.errorf(n, "%s: want a string, got %s", path, kindName(n))
		}
		return ""
	}
	return n.Value
}

func (d *decoder) strs(n *yaml.Node, path string) []string {
	var out []string
	d.list(n, path, func(_ int, v *yaml.Node, p string) {
		if s := d.str(v, p); s != "" {
			out = append(out, s)
		} else if v.Kind == yaml.ScalarNode && v.Tag != "!!null" {
			d.errorf(v, "%s: must not be empty", p)
		}
	})
	return out
}

func (d *decoder) int64(n *yaml.Node, path string) int64 {
	if n == nil || n.Kind != yaml.ScalarNode {
		d.errorf(n, "%s: want a number, got %s", path, kindName(n))
		return 0
	}
	v, err := strconv.ParseInt(n.Value, 0, 64)
	if err != nil {
		d.errorf(n, "%s: want a whole number, got %q", path, n.Value)
	}
	return v
}

func (d *decoder) stringMap(n *yaml.Node, path string) map[string]string {
	out := map[string]string{}
	d.entries(n, path, func(_, v *yaml.Node, p string) {
		out[p[len(path)+1:]] = d.str(v, p)
	})
	return out
}

// enum decodes a string that must satisfy valid; want lists the values.
func enum[T ~string](d *decoder, n *yaml.Node, path string, valid func(T) bool, want string) T {
	s := d.str(n, path)
	if s == "" {
		return ""
	}
	if !valid(T(s)) {
		d.errorf(n, "%s: unknown value %q (want %s)", path, s, want)
		return ""
	}
	return T(s)
}

func enums[T ~string](d *decoder, n *yaml.Node, path string, valid func(T) bool, want string) []T {
	var out []T
	d.list(n, path, func(_ int, v *yaml.Node, p string) {
		if x := enum(d, v, p, valid, want); x != "" {
			out = append(out, x)
		}
	})
	return out
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func orRoot(path string) string {
	if path == "" {
		return "onus.yaml"
	}
	return path
}
