// Package yamlnode converts YAML nodes (go.yaml.in/yaml/v3) to plain values
// with bounded alias expansion, and locates attribute paths in a node tree.
// The Kubernetes, CloudFormation and lockfile loaders share it.
package yamlnode

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/onus-project/onus/internal/resource"
	"github.com/onus-project/onus/internal/source"
)

// ErrTooLarge is returned when alias expansion or nesting exceeds the budget.
var ErrTooLarge = errors.New("document expands beyond the size limit (alias bomb?)")

// MaxDepth bounds nesting.
const MaxDepth = 256

// Converter turns nodes into values; Budget bounds the number of nodes
// produced, counting each alias expansion again.
type Converter struct {
	Budget int
	// Tag, when set, handles nodes with custom tags (CloudFormation !Ref).
	// It returns handled=false to fall back to the default conversion.
	Tag func(c *Converter, n *yaml.Node) (v any, handled bool, err error)
}

// NewConverter returns a converter with a budget proportional to the input
// size (minimum one million nodes).
func NewConverter(inputSize int) *Converter {
	return &Converter{Budget: max(1_000_000, inputSize*4)}
}

// Value converts n into map[string]any / []any / string / int64 / float64 /
// bool / nil.
func (c *Converter) Value(n *yaml.Node) (any, error) { return c.value(n, 0) }

func (c *Converter) value(n *yaml.Node, depth int) (any, error) {
	c.Budget--
	if c.Budget < 0 {
		return nil, ErrTooLarge
	}
	if depth > MaxDepth {
		return nil, fmt.Errorf("nesting deeper than %d: %w", MaxDepth, ErrTooLarge)
	}
	if c.Tag != nil && n.Tag != "" && !strings.HasPrefix(n.Tag, "!!") {
		v, handled, err := c.Tag(c, n)
		if handled || err != nil {
			return v, err
		}
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return c.value(n.Content[0], depth+1)
	case yaml.AliasNode:
		if n.Alias == nil {
			return nil, nil
		}
		return c.value(n.Alias, depth+1)
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Tag == "!!merge" || (k.Kind == yaml.ScalarNode && k.Value == "<<" && k.Tag != "!!str") {
				if err := c.merge(m, v, depth); err != nil {
					return nil, err
				}
				continue
			}
			kv, err := c.value(k, depth+1)
			if err != nil {
				return nil, err
			}
			vv, err := c.value(v, depth+1)
			if err != nil {
				return nil, err
			}
			m[keyString(kv)] = vv
		}
		return m, nil
	case yaml.SequenceNode:
		s := make([]any, 0, len(n.Content))
		for _, e := range n.Content {
			v, err := c.value(e, depth+1)
			if err != nil {
				return nil, err
			}
			s = append(s, v)
		}
		return s, nil
	case yaml.ScalarNode:
		return Scalar(n), nil
	}
	return nil, nil
}

func (c *Converter) merge(m map[string]any, v *yaml.Node, depth int) error {
	src, err := c.value(v, depth+1)
	if err != nil {
		return err
	}
	var maps []any
	switch x := src.(type) {
	case map[string]any:
		maps = []any{x}
	case []any:
		maps = x
	}
	for _, mm := range maps {
		if mv, ok := mm.(map[string]any); ok {
			for k, val := range mv {
				if _, exists := m[k]; !exists {
					m[k] = val
				}
			}
		}
	}
	return nil
}

func keyString(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case nil:
		return "null"
	default:
		return fmt.Sprint(x)
	}
}

// Scalar resolves a scalar node by its tag.
func Scalar(n *yaml.Node) any {
	switch n.ShortTag() {
	case "!!null":
		return nil
	case "!!bool":
		b, err := strconv.ParseBool(strings.ToLower(n.Value))
		if err != nil {
			return n.Value
		}
		return b
	case "!!int":
		if i, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 64); err == nil {
			return i
		}
		if f, err := strconv.ParseFloat(n.Value, 64); err == nil {
			return f
		}
		return n.Value
	case "!!float":
		f, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
		if err != nil {
			switch strings.ToLower(n.Value) {
			case ".inf", "+.inf":
				return n.Value
			case "-.inf", ".nan":
				return n.Value
			}
			return n.Value
		}
		if math.IsInf(f, 0) || math.IsNaN(f) {
			return n.Value
		}
		return f
	default:
		return n.Value
	}
}

// Locator finds attribute paths in a node tree.
type Locator struct {
	File string
	Root *yaml.Node
}

var _ resource.Locator = Locator{}

// Locate implements resource.Locator: the range starts at the key that holds
// the value (or the sequence item) and ends at the value's last line.
func (l Locator) Locate(p resource.Path) (source.Range, bool) {
	n := deref(l.Root)
	var key *yaml.Node
	for _, s := range p {
		n = deref(n)
		if n == nil {
			return source.Range{}, false
		}
		if s.IsKey {
			if n.Kind != yaml.MappingNode {
				return source.Range{}, false
			}
			k, v := lookupMerged(n, s.Key, 0)
			if v == nil {
				return source.Range{}, false
			}
			key, n = k, v
			continue
		}
		if n.Kind != yaml.SequenceNode || s.Index >= len(n.Content) {
			return source.Range{}, false
		}
		key, n = nil, n.Content[s.Index]
	}
	return RangeOf(l.File, key, n), true
}

// RangeOf is the range from key (or value when key is nil) to the last line
// of value.
func RangeOf(file string, key, value *yaml.Node) source.Range {
	start := value
	if key != nil {
		start = key
	}
	if start == nil {
		return source.Range{Filename: file}
	}
	end := LastLine(value, 0)
	return source.Range{
		Filename: file,
		Start:    source.Pos{Line: start.Line, Column: start.Column},
		End:      source.Pos{Line: max(end, start.Line)},
	}
}

// LastLine is the last line any part of n starts on (aliases not followed).
func LastLine(n *yaml.Node, depth int) int {
	if n == nil {
		return 0
	}
	line := n.Line
	if n.Kind == yaml.ScalarNode && (n.Style == yaml.LiteralStyle || n.Style == yaml.FoldedStyle) {
		line += strings.Count(strings.TrimRight(n.Value, "\n"), "\n") + 1
	}
	if depth > MaxDepth {
		return line
	}
	if len(n.Content) > 0 {
		line = max(line, LastLine(n.Content[len(n.Content)-1], depth+1))
	}
	return line
}

func deref(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && i < 64; i++ {
		switch n.Kind {
		case yaml.DocumentNode:
			if len(n.Content) == 0 {
				return nil
			}
			n = n.Content[0]
		case yaml.AliasNode:
			n = n.Alias
		default:
			return n
		}
	}
	return n
}

// Deref follows document and alias nodes to the value node.
func Deref(n *yaml.Node) *yaml.Node { return deref(n) }

// Lookup returns the value node of key in mapping n.
func Lookup(n *yaml.Node, key string) (k, v *yaml.Node) {
	n = deref(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i], n.Content[i+1]
		}
	}
	return nil, nil
}

// ErrorRange extracts "line N" from a yaml error message to position it.
// Errors without a line (an unknown anchor) are positioned by searching body.
func ErrorRange(file string, err error, lineOffset int, body []byte) *source.Range {
	msg := err.Error()
	if _, rest, ok := strings.Cut(msg, "unknown anchor '"); ok {
		if name, _, ok := strings.Cut(rest, "'"); ok {
			if i := bytes.Index(body, []byte("*"+name)); i >= 0 {
				line := bytes.Count(body[:i], []byte("\n")) + 1
				col := i - bytes.LastIndexByte(body[:i], '\n')
				return source.At(file, line+lineOffset, col)
			}
		}
	}
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	if i := strings.Index(msg, "line "); i >= 0 {
		j := i + len("line ")
		k := j
		for k < len(msg) && msg[k] >= '0' && msg[k] <= '9' {
			k++
		}
		if n, err := strconv.Atoi(msg[j:k]); err == nil {
			col := 0
			if c := strings.Index(msg[k:], "column "); c >= 0 && c < 4 {
				cs := k + c + len("column ")
				ce := cs
				for ce < len(msg) && msg[ce] >= '0' && msg[ce] <= '9' {
					ce++
				}
				col, _ = strconv.Atoi(msg[cs:ce])
			}
			return source.At(file, n+lineOffset, col)
		}
	}
	return &source.Range{Filename: file}
}

// CleanError strips the "yaml: line N:" prefix, which the range carries.
func CleanError(err error) string {
	msg := err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = strings.Join(te.Errors, "; ")
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	if strings.HasPrefix(msg, "line ") {
		if i := strings.Index(msg, ": "); i >= 0 {
			msg = msg[i+2:]
		}
	}
	return msg
}

// lookupMerged finds key in mapping n, then in the mappings merged into it
// with "<<".
func lookupMerged(n *yaml.Node, key string, depth int) (k, v *yaml.Node) {
	if n == nil || n.Kind != yaml.MappingNode || depth > 16 {
		return nil, nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key && n.Content[i].Tag != "!!merge" {
			return n.Content[i], n.Content[i+1]
		}
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Tag != "!!merge" {
			continue
		}
		src := deref(n.Content[i+1])
		if src == nil {
			continue
		}
		srcs := []*yaml.Node{src}
		if src.Kind == yaml.SequenceNode {
			srcs = src.Content
		}
		for _, m := range srcs {
			if k, v := lookupMerged(deref(m), key, depth+1); v != nil {
				return k, v
			}
		}
	}
	return nil, nil
}

// LazyLocator locates paths in a YAML document without keeping its node
// tree: it reads the lines of block-style documents directly, and parses a
// document only when that reading is not sure of the answer. Resources
// without findings cost nothing; a finding costs a walk over a few lines.
type LazyLocator struct {
	File string
	// Body is the document's text; Line0 is the number of file lines
	// before it.
	Body  []byte
	Line0 int
	// Prefix leads from the document root to the resource (a List item).
	Prefix resource.Path

	mu   sync.Mutex
	fast *fastLocator
	root *yaml.Node
}

var _ resource.Locator = (*LazyLocator)(nil)

// Locate implements resource.Locator.
func (l *LazyLocator) Locate(p resource.Path) (source.Range, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.root == nil {
		if l.fast == nil {
			l.fast = newFastLocator(l.Body)
		}
		if rng, found, sure := l.fast.locate(l.File, l.Line0, l.Prefix.Append(p...)); sure {
			return rng, found
		}
		var n yaml.Node
		if yaml.Unmarshal(l.Body, &n) != nil {
			return source.Range{}, false
		}
		ShiftLines(&n, l.Line0)
		l.root = &n
	}
	return Locator{File: l.File, Root: l.root}.Locate(l.Prefix.Append(p...))
}

// Release drops the line index and the parsed tree; a later Locate builds
// them again.
func (l *LazyLocator) Release() {
	l.mu.Lock()
	l.fast, l.root = nil, nil
	l.mu.Unlock()
}

// ShiftLines adds by to the line of n and all its descendants.
func ShiftLines(n *yaml.Node, by int) { shift(n, by, 0) }

func shift(n *yaml.Node, by, depth int) {
	if n == nil || depth > MaxDepth || by == 0 {
		return
	}
	n.Line += by
	for _, c := range n.Content {
		shift(c, by, depth+1)
	}
}
