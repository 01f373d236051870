package resource

import (
	"fmt"
	"strconv"
	"strings"
)

// Step is one element of a Path: a map key or a list index.
type Step struct {
	Key   string
	Index int
	IsKey bool
}

// Path addresses an attribute inside a resource's attributes:
// spec.containers[0].securityContext.privileged, or
// metadata.labels["app.kubernetes.io/name"].
type Path []Step

// Key builds a key step.
func Key(k string) Step { return Step{Key: k, IsKey: true} }

// Index builds an index step.
func Index(i int) Step { return Step{Index: i} }

// String prints the path in the dotted form ParsePath reads.
func (p Path) String() string {
	var b strings.Builder
	for i, s := range p {
		if !s.IsKey {
			fmt.Fprintf(&b, "[%d]", s.Index)
			continue
		}
		if plainKey(s.Key) {
			if i > 0 {
				b.WriteByte('.')
			}
			b.WriteString(s.Key)
			continue
		}
		b.WriteByte('[')
		b.WriteString(strconv.Quote(s.Key))
		b.WriteByte(']')
	}
	return b.String()
}

// HasPrefixOf reports whether p is a prefix of (or equal to) q.
func (p Path) HasPrefixOf(q Path) bool {
	if len(p) > len(q) {
		return false
	}
	for i := range p {
		if p[i] != q[i] {
			return false
		}
	}
	return true
}

// Append returns a new path with steps added.
func (p Path) Append(steps ...Step) Path {
	out := make(Path, 0, len(p)+len(steps))
	return append(append(out, p...), steps...)
}

func plainKey(k string) bool {
	if k == "" {
		return false
	}
	for _, c := range k {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '_', c == '-', c == '$', c == ':', c == '@':
		default:
			return false
		}
	}
	return true
}

// ParsePath reads a path written as keys separated by dots, [N] list
// indexes and ["quoted keys"]. The empty string is the empty path.
func ParsePath(s string) (Path, error) {
	var p Path
	i := 0
	for i < len(s) {
		switch s[i] {
		case '.':
			if i == 0 || i == len(s)-1 {
				return nil, fmt.Errorf("parse path %q: misplaced '.' at %d", s, i)
			}
			i++
		case '[':
			end := strings.IndexByte(s[i:], ']')
			if i+1 < len(s) && s[i+1] == '"' {
				// quoted key: find the closing quote honouring escapes
				j := i + 2
				for j < len(s) && s[j] != '"' {
					if s[j] == '\\' {
						j++
					}
					j++
				}
				if j >= len(s) || j+1 >= len(s) || s[j+1] != ']' {
					return nil, fmt.Errorf("parse path %q: unterminated quoted key at %d", s, i)
				}
				k, err := strconv.Unquote(s[i+1 : j+1])
				if err != nil {
					return nil, fmt.Errorf("parse path %q: %w", s, err)
				}
				p = append(p, Key(k))
				i = j + 2
				continue
			}
			if end < 0 {
				return nil, fmt.Errorf("parse path %q: unterminated '[' at %d", s, i)
			}
			n, err := strconv.Atoi(s[i+1 : i+end])
			if err != nil || n < 0 {
				return nil, fmt.Errorf("parse path %q: bad index %q", s, s[i+1:i+end])
			}
			p = append(p, Index(n))
			i += end + 1
		default:
			j := i
			for j < len(s) && s[j] != '.' && s[j] != '[' {
				j++
			}
			p = append(p, Key(s[i:j]))
			i = j
		}
	}
	return p, nil
}

// PathOf converts a path given by a policy — a string, or an array of keys
// and indexes — to a Path.
func PathOf(v any) (Path, error) {
	switch x := v.(type) {
	case string:
		return ParsePath(x)
	case []any:
		p := make(Path, 0, len(x))
		for _, e := range x {
			switch s := e.(type) {
			case string:
				p = append(p, Key(s))
			case int:
				p = append(p, Index(s))
			case int64:
				p = append(p, Index(int(s)))
			case float64:
				p = append(p, Index(int(s)))
			case interface{ Int64() (int64, error) }: // json.Number
				n, err := s.Int64()
				if err != nil {
					return nil, fmt.Errorf("path element %v: %w", e, err)
				}
				p = append(p, Index(int(n)))
			default:
				return nil, fmt.Errorf("path element %v: want a string or an integer", e)
			}
		}
		return p, nil
	default:
		return nil, fmt.Errorf("path %v: want a string or an array", v)
	}
}

// Get returns the value at path p inside v.
func Get(v any, p Path) (any, bool) {
	for _, s := range p {
		switch x := v.(type) {
		case map[string]any:
			if !s.IsKey {
				return nil, false
			}
			nv, ok := x[s.Key]
			if !ok {
				return nil, false
			}
			v = nv
		case []any:
			if s.IsKey || s.Index >= len(x) {
				return nil, false
			}
			v = x[s.Index]
		default:
			return nil, false
		}
	}
	return v, true
}
