package arm

import (
	"fmt"
	"strconv"
	"strings"
)

// An ARM template expression is a string in square brackets:
//
//	"[concat(parameters('prefix'), '-', variables('suffix'))]"
//	"[resourceGroup().location]"
//	"[reference(resourceId('Microsoft.Network/publicIPAddresses', 'ip')).dnsSettings.fqdn]"
//	"[parameters('list')[0]]"
//
// Strings start with ' and double ' to escape it; numbers are integers;
// function names and property names are case-insensitive. A string that
// starts with "[[" is a literal starting with "[".

// node is a parsed expression.
type node interface{ String() string }

type litNode struct{ v any }

type callNode struct {
	name string // lower case; user functions as namespace.name
	args []node
}

type propNode struct {
	x    node
	name string
}

type indexNode struct{ x, i node }

func (n litNode) String() string {
	switch v := n.v.(type) {
	case string:
		return "'" + strings.ReplaceAll(v, "'", "''") + "'"
	case nil:
		return "null()"
	default:
		return fmt.Sprint(v)
	}
}

func (n callNode) String() string {
	parts := make([]string, len(n.args))
	for i, a := range n.args {
		parts[i] = a.String()
	}
	return n.name + "(" + strings.Join(parts, ", ") + ")"
}

func (n propNode) String() string  { return n.x.String() + "." + n.name }
func (n indexNode) String() string { return n.x.String() + "[" + n.i.String() + "]" }

// isExpression reports whether a JSON string is an expression, and
// unescapes "[[" literals.
func isExpression(s string) (expr string, literal string, ok bool) {
	if len(s) < 2 || s[0] != '[' || s[len(s)-1] != ']' {
		return "", s, false
	}
	if strings.HasPrefix(s, "[[") {
		return "", s[1:], false
	}
	return s[1 : len(s)-1], "", true
}

// parseExpr parses the text between the brackets.
func parseExpr(src string) (node, error) {
	p := &exprParser{src: src}
	n, err := p.expr(0)
	if err != nil {
		return nil, err
	}
	p.space()
	if p.pos < len(p.src) {
		return nil, fmt.Errorf("unexpected %q at %d", p.src[p.pos:], p.pos+1)
	}
	return n, nil
}

type exprParser struct {
	src string
	pos int
}

// maxExprDepth bounds nesting in one expression.
const maxExprDepth = 64

func (p *exprParser) space() {
	for p.pos < len(p.src) && (p.src[p.pos] == ' ' || p.src[p.pos] == '\t' || p.src[p.pos] == '\n' || p.src[p.pos] == '\r') {
		p.pos++
	}
}

func (p *exprParser) peek() byte {
	p.space()
	if p.pos >= len(p.src) {
		return 0
	}
	return p.src[p.pos]
}

func (p *exprParser) expr(depth int) (node, error) {
	if depth > maxExprDepth {
		return nil, fmt.Errorf("expression nests deeper than %d", maxExprDepth)
	}
	n, err := p.primary(depth)
	if err != nil {
		return nil, err
	}
	for {
		switch p.peek() {
		case '.':
			p.pos++
			p.space()
			id := p.ident()
			if id == "" {
				return nil, fmt.Errorf("want a property name after '.' at %d", p.pos+1)
			}
			n = propNode{x: n, name: id}
		case '[':
			p.pos++
			i, err := p.expr(depth + 1)
			if err != nil {
				return nil, err
			}
			if p.peek() != ']' {
				return nil, fmt.Errorf("want ']' at %d", p.pos+1)
			}
			p.pos++
			n = indexNode{x: n, i: i}
		default:
			return n, nil
		}
	}
}

func (p *exprParser) ident() string {
	start := p.pos
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		if c == '_' || c == '$' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9' && p.pos > start) {
			p.pos++
			continue
		}
		break
	}
	return p.src[start:p.pos]
}

func (p *exprParser) primary(depth int) (node, error) {
	c := p.peek()
	switch {
	case c == 0:
		return nil, fmt.Errorf("unexpected end of expression")
	case c == '\'':
		p.pos++
		var b strings.Builder
		for {
			if p.pos >= len(p.src) {
				return nil, fmt.Errorf("unterminated string")
			}
			ch := p.src[p.pos]
			p.pos++
			if ch == '\'' {
				if p.pos < len(p.src) && p.src[p.pos] == '\'' {
					b.WriteByte('\'')
					p.pos++
					continue
				}
				return litNode{b.String()}, nil
			}
			b.WriteByte(ch)
		}
	case c == '-' || (c >= '0' && c <= '9'):
		start := p.pos
		p.pos++
		for p.pos < len(p.src) && ((p.src[p.pos] >= '0' && p.src[p.pos] <= '9') || p.src[p.pos] == '.') {
			p.pos++
		}
		text := p.src[start:p.pos]
		if i, err := strconv.ParseInt(text, 10, 64); err == nil {
			return litNode{i}, nil
		}
		if f, err := strconv.ParseFloat(text, 64); err == nil {
			return litNode{f}, nil
		}
		return nil, fmt.Errorf("bad number %q", text)
	}
	name := p.ident()
	if name == "" {
		return nil, fmt.Errorf("unexpected %q at %d", string(c), p.pos+1)
	}
	if p.peek() == '.' {
		// namespace.function(...) of a user-defined function
		save := p.pos
		p.pos++
		p.space()
		member := p.ident()
		if member != "" && p.peek() == '(' {
			name += "." + member
		} else {
			p.pos = save
		}
	}
	if p.peek() != '(' {
		switch strings.ToLower(name) {
		case "true":
			return litNode{true}, nil
		case "false":
			return litNode{false}, nil
		case "null":
			return litNode{nil}, nil
		}
		return nil, fmt.Errorf("want '(' after %s", name)
	}
	p.pos++
	call := callNode{name: strings.ToLower(name)}
	if p.peek() == ')' {
		p.pos++
		return call, nil
	}
	for {
		a, err := p.expr(depth + 1)
		if err != nil {
			return nil, err
		}
		call.args = append(call.args, a)
		switch p.peek() {
		case ',':
			p.pos++
		case ')':
			p.pos++
			return call, nil
		default:
			return nil, fmt.Errorf("want ',' or ')' at %d", p.pos+1)
		}
	}
}
