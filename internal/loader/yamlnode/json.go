package yamlnode

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/onus-project/onus/internal/source"
)

// Comment is a // or /* */ comment of a JSON-with-comments document.
type Comment struct {
	Text string
	Line int // 1-based line the comment starts on
	Col  int
}

// JSONError is a JSON syntax error at a position.
type JSONError struct {
	Line, Col int
	Msg       string
}

func (e *JSONError) Error() string { return fmt.Sprintf("line %d column %d: %s", e.Line, e.Col, e.Msg) }

// Range positions the error in file.
func (e *JSONError) Range(file string) *source.Range { return source.At(file, e.Line, e.Col) }

// ParseJSON reads a JSON document (comments allowed when jsonc is true) into
// a YAML node tree with exact lines and columns, so that the Converter and
// the Locator work on JSON as they do on YAML. Unlike yaml.Unmarshal it
// accepts every JSON escape ("\/" included) and rejects what JSON rejects.
// Comments are returned with their lines; they are blanked out before
// parsing so positions stay exact.
func ParseJSON(b []byte, jsonc bool) (*yaml.Node, []Comment, error) {
	var comments []Comment
	if bytes.HasPrefix(b, []byte("\ufeff")) {
		b = append([]byte("   "), b[3:]...) // the BOM, kept as blanks so columns stay put
	}
	if jsonc {
		var err error
		b, comments, err = stripComments(b)
		if err != nil {
			return nil, comments, err
		}
	}
	p := &jsonParser{src: b, lines: lineStarts(b)}
	p.dec = json.NewDecoder(bytes.NewReader(b))
	p.dec.UseNumber()
	n, err := p.value(0)
	if err != nil {
		return nil, comments, p.wrap(err)
	}
	extra := p.next()
	if _, err := p.dec.Token(); err != io.EOF {
		if err == nil {
			line, col := p.pos(extra)
			return nil, comments, &JSONError{Line: line, Col: col, Msg: "unexpected data after the top-level value"}
		}
		return nil, comments, p.wrap(err)
	}
	return &yaml.Node{Kind: yaml.DocumentNode, Line: n.Line, Column: n.Column, Content: []*yaml.Node{n}}, comments, nil
}

type jsonParser struct {
	src   []byte
	lines []int
	dec   *json.Decoder
}

func lineStarts(b []byte) []int {
	starts := []int{0}
	for i, c := range b {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// pos converts a byte offset to a 1-based line and column.
func (p *jsonParser) pos(off int) (int, int) {
	lo, hi := 0, len(p.lines)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if p.lines[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo + 1, off - p.lines[lo] + 1
}

// next returns the offset where the next token starts.
func (p *jsonParser) next() int {
	off := int(p.dec.InputOffset())
	for off < len(p.src) {
		switch p.src[off] {
		case ' ', '\t', '\r', '\n', ':', ',':
			off++
			continue
		}
		break
	}
	return off
}

func (p *jsonParser) wrap(err error) error {
	var je *JSONError
	if errors.As(err, &je) {
		return je
	}
	off := int(p.dec.InputOffset())
	var se *json.SyntaxError
	if errors.As(err, &se) {
		off = int(se.Offset)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		off = len(p.src)
		err = fmt.Errorf("unexpected end of JSON input")
	}
	off = max(0, min(off, len(p.src)))
	line, col := p.pos(off)
	return &JSONError{Line: line, Col: col, Msg: err.Error()}
}

func (p *jsonParser) value(depth int) (*yaml.Node, error) {
	if depth > MaxDepth {
		line, col := p.pos(p.next())
		return nil, &JSONError{Line: line, Col: col, Msg: fmt.Sprintf("nesting deeper than %d", MaxDepth)}
	}
	start := p.next()
	tok, err := p.dec.Token()
	if err != nil {
		return nil, err
	}
	line, col := p.pos(start)
	n := &yaml.Node{Line: line, Column: col}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			n.Kind, n.Tag, n.Style = yaml.MappingNode, "!!map", yaml.FlowStyle
			for p.dec.More() {
				kstart := p.next()
				kt, err := p.dec.Token()
				if err != nil {
					return nil, err
				}
				ks, ok := kt.(string)
				if !ok {
					return nil, fmt.Errorf("object key must be a string")
				}
				kl, kc := p.pos(kstart)
				key := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: ks, Style: yaml.DoubleQuotedStyle, Line: kl, Column: kc}
				v, err := p.value(depth + 1)
				if err != nil {
					return nil, err
				}
				n.Content = append(n.Content, key, v)
			}
		case '[':
			n.Kind, n.Tag, n.Style = yaml.SequenceNode, "!!seq", yaml.FlowStyle
			for p.dec.More() {
				v, err := p.value(depth + 1)
				if err != nil {
					return nil, err
				}
				n.Content = append(n.Content, v)
			}
		default:
			return nil, fmt.Errorf("unexpected %q", rune(t))
		}
		if _, err := p.dec.Token(); err != nil { // the closing delimiter
			return nil, err
		}
	case string:
		n.Kind, n.Tag, n.Value, n.Style = yaml.ScalarNode, "!!str", t, yaml.DoubleQuotedStyle
	case json.Number:
		n.Kind, n.Value = yaml.ScalarNode, t.String()
		n.Tag = "!!int"
		if strings.ContainsAny(n.Value, ".eE") {
			n.Tag = "!!float"
		}
	case bool:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!bool", fmt.Sprint(t)
	case nil:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!null", "null"
	}
	return n, nil
}

// stripComments blanks // and /* */ comments outside strings (keeping
// newlines, so offsets and lines do not move) and returns them.
func stripComments(in []byte) ([]byte, []Comment, error) {
	if !bytes.Contains(in, []byte("/")) {
		return in, nil, nil
	}
	b := bytes.Clone(in)
	var out []Comment
	line, lineStart := 1, 0
	inString := false
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c == '\n' {
			line, lineStart = line+1, i+1
		}
		if inString {
			switch c {
			case '\\':
				i++
			case '"':
				inString = false
			}
			continue
		}
		if c == '"' {
			inString = true
			continue
		}
		if c != '/' || i+1 >= len(b) {
			continue
		}
		switch b[i+1] {
		case '/':
			end := bytes.IndexByte(b[i:], '\n')
			if end < 0 {
				end = len(b) - i
			}
			out = append(out, Comment{Text: string(b[i+2 : i+end]), Line: line, Col: i - lineStart + 1})
			blank(b[i : i+end])
			i += end - 1
		case '*':
			end := bytes.Index(b[i+2:], []byte("*/"))
			if end < 0 {
				return b, out, &JSONError{Line: line, Col: i - lineStart + 1, Msg: "unterminated /* comment"}
			}
			text := b[i+2 : i+2+end]
			out = append(out, Comment{Text: string(text), Line: line, Col: i - lineStart + 1})
			for j := i; j < i+4+end; j++ {
				if b[j] == '\n' {
					line, lineStart = line+1, j+1
				}
			}
			blank(b[i : i+4+end])
			i += 3 + end
		}
	}
	return b, out, nil
}

// blank replaces every byte but newlines with a space.
func blank(b []byte) {
	for i, c := range b {
		if c != '\n' && c != '\r' {
			b[i] = ' '
		}
	}
}
