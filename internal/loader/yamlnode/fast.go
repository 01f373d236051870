package yamlnode

import (
	"bytes"
	"math"

	"github.com/onus-project/onus/internal/resource"
	"github.com/onus-project/onus/internal/source"
)

// fastLocator finds attribute paths in a block-style YAML document by
// reading its lines, without building a node tree: a finding on a large
// estate then costs a walk over a few lines instead of a parse of the
// document. It gives exactly the range Locator gives on the parsed tree,
// or gives up (sure == false) whenever the path meets something it does not
// read as go.yaml.in/yaml/v3 does: flow collections entered by the path or
// spanning lines, anchors, aliases, tags, merge keys, quoted or complex
// keys, folded and multi-line scalars, empty values, nested sequence
// entries, tabs, directives. The caller then parses the document.
//
// The document is known to be valid YAML (it loaded), which spares the
// checks a parser needs.
type fastLocator struct {
	body  []byte
	lines []fastLine
	// unsupported is set for documents read only by the parser: tabs
	// (YAML takes them as separators in places this reader does not), a
	// byte order mark.
	unsupported bool
}

type fastLine struct {
	start, end int32 // byte offsets of the line in body, without "\r\n"
	indent     int32 // leading spaces
	blank      bool
	comment    bool // the first non-space byte is '#'
}

// fastNode is a node found in the text: where it starts and what it is.
type fastNode struct {
	line, col int // 0-based line index and byte column
	kind      fastKind
	// parent is the column of the mapping key or sequence entry that holds
	// the node (-1 at the root): the lines of a block literal are those
	// indented deeper than it.
	parent int
}

type fastKind int

const (
	fastScalar   fastKind = iota // plain or quoted scalar on one line
	fastFlow                     // flow collection on one line
	fastLiteral                  // block literal scalar (|)
	fastMapping                  // block mapping
	fastSequence                 // block sequence
)

func newFastLocator(body []byte) *fastLocator {
	f := &fastLocator{body: body}
	if !plainLines(body) || len(body) > math.MaxInt32/2 {
		f.unsupported = true
		return f
	}
	f.lines = make([]fastLine, 0, bytes.Count(body, []byte{'\n'})+1)
	for start := 0; start <= len(body); {
		end := bytes.IndexByte(body[start:], '\n')
		next := 0
		if end < 0 {
			end, next = len(body), len(body)+1
		} else {
			end += start
			next = end + 1
		}
		if end > start && body[end-1] == '\r' {
			end--
		}
		i := start
		for i < end && body[i] == ' ' {
			i++
		}
		l := fastLine{start: int32(start), end: int32(end), indent: int32(i - start), blank: i == end}
		l.comment = !l.blank && body[i] == '#'
		f.lines = append(f.lines, l)
		start = next
	}
	f.unsupported = f.spansLines()
	return f
}

// plainLines reports whether body has only "\n" (or "\r\n") line breaks,
// no tabs and no byte order mark: YAML also breaks lines at a lone "\r"
// and at the Unicode line separators, and takes tabs as separators in
// places the line reader does not.
func plainLines(body []byte) bool {
	if bytes.IndexByte(body, '\t') >= 0 || bytes.HasPrefix(body, []byte("\xef\xbb\xbf")) {
		return false
	}
	for i := bytes.IndexByte(body, '\r'); i >= 0; {
		if i+1 >= len(body) || body[i+1] != '\n' {
			return false
		}
		j := bytes.IndexByte(body[i+1:], '\r')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	for _, sep := range []string{"\u0085", "\u2028", "\u2029"} {
		if bytes.Contains(body, []byte(sep)) {
			return false
		}
	}
	return true
}

// spansLines reports whether a flow collection or a quoted scalar goes on
// over several lines, or a key is quoted: the line reader skips over
// entries by their indentation, which such lines do not follow. Block
// literals are skipped, whatever their lines hold.
func (f *fastLocator) spansLines() bool {
	for li := 0; li < len(f.lines); li++ {
		if !f.content(li) {
			continue
		}
		col := f.ind(li)
		t := f.text(li, col)
		parent := col
		for len(t) > 0 && t[0] == '-' && (len(t) == 1 || t[1] == ' ') {
			parent = col // sequence entries: the value starts after "- "
			rest := bytes.TrimLeft(t[1:], " ")
			col += len(t) - len(rest)
			t = rest
		}
		if len(t) == 0 {
			continue
		}
		if t[0] == '"' || t[0] == '\'' {
			end := quoteEnd(t)
			if end < 0 {
				return true
			}
			if rest := bytes.TrimLeft(t[end+1:], " "); len(rest) > 0 && rest[0] == ':' {
				return true // a quoted key
			}
			continue
		}
		value := t
		if colon, ok := keyEnd(t); ok {
			parent = col
			value = bytes.TrimLeft(t[colon+1:], " ")
		}
		if len(value) == 0 {
			continue
		}
		switch value[0] {
		case '|', '>':
			for li+1 < len(f.lines) && (f.lines[li+1].blank || f.ind(li+1) > parent) {
				li++
			}
		case '{', '[':
			if !closesOnLine(value) {
				return true
			}
		case '"', '\'':
			if quoteEnd(value) < 0 {
				return true
			}
		}
	}
	return false
}

// ind is the indentation of line li.
func (f *fastLocator) ind(li int) int { return int(f.lines[li].indent) }

// text returns line li from byte column col.
func (f *fastLocator) text(li, col int) []byte {
	l := f.lines[li]
	start, end := int(l.start)+col, int(l.end)
	if start > end {
		return nil
	}
	return f.body[start:end]
}

// content reports whether line li holds a node or part of one (neither
// blank nor a comment). Inside block literals this is not asked.
func (f *fastLocator) content(li int) bool {
	l := f.lines[li]
	return !l.blank && !l.comment
}

// nextContent returns the first content line after li, or -1.
func (f *fastLocator) nextContent(li int) int {
	for j := li + 1; j < len(f.lines); j++ {
		if f.content(j) {
			return j
		}
	}
	return -1
}

// locate returns the range of path, whether it exists, and whether the
// answer is sure; file and line0 place it in the file.
func (f *fastLocator) locate(file string, line0 int, p resource.Path) (rng source.Range, found, sure bool) {
	if f.unsupported {
		return rng, false, false
	}
	root := -1
	for i, l := range f.lines {
		if !l.blank && !l.comment {
			root = i
			break
		}
	}
	if root < 0 || f.ind(root) != 0 {
		return rng, false, false
	}
	first := f.text(root, 0)
	if len(first) > 0 && (first[0] == '%' || bytes.HasPrefix(first, []byte("..."))) {
		return rng, false, false
	}
	node, ok := f.nodeAt(root, 0, -1)
	if !ok {
		return rng, false, false
	}
	keyLine, keyCol := -1, 0
	for _, s := range p {
		switch {
		case s.IsKey:
			if node.kind != fastMapping {
				if node.kind == fastScalar || node.kind == fastLiteral {
					return rng, false, true // yaml: not a mapping, not found
				}
				return rng, false, false
			}
			kl, kc, value, found, ok := f.lookup(node, s.Key)
			if !ok {
				return rng, false, false
			}
			if !found {
				return rng, false, true
			}
			keyLine, keyCol, node = kl, kc, value
		default:
			if node.kind != fastSequence {
				if node.kind == fastScalar || node.kind == fastLiteral {
					return rng, false, true
				}
				return rng, false, false
			}
			item, found, ok := f.item(node, s.Index)
			if !ok {
				return rng, false, false
			}
			if !found {
				return rng, false, true
			}
			keyLine, node = -1, item
		}
	}
	last, ok := f.lastLine(node)
	if !ok {
		return rng, false, false
	}
	startLine, startCol := node.line, node.col
	if keyLine >= 0 {
		startLine, startCol = keyLine, keyCol
	}
	return source.Range{
		Filename: file,
		Start:    source.Pos{Line: startLine + 1 + line0, Column: startCol + 1},
		End:      source.Pos{Line: max(last, startLine) + 1 + line0},
	}, true, true
}

// nodeAt reads the node that starts at line li, column col. parent is the
// column of the enclosing mapping key or sequence entry (-1 at the root):
// lines indented deeper than it continue the node.
func (f *fastLocator) nodeAt(li, col, parent int) (fastNode, bool) {
	t := f.text(li, col)
	n := fastNode{line: li, col: col, parent: parent}
	if len(t) == 0 {
		return n, false
	}
	switch t[0] {
	case '-':
		if len(t) == 1 || t[1] == ' ' {
			if col != f.ind(li) {
				return n, false // "key: -" or "- - x"
			}
			n.kind = fastSequence
			return n, true
		}
	case '&', '*', '!', '?', '%', '@', '`', '>', '#':
		return n, false
	case '|':
		n.kind = fastLiteral
		return n, true
	case '{', '[':
		if !closesOnLine(t) || f.continues(li, parent) {
			return n, false
		}
		n.kind = fastFlow
		return n, true
	case '"', '\'':
		end := quoteEnd(t)
		if end < 0 {
			return n, false
		}
		rest := bytes.TrimLeft(t[end+1:], " ")
		if len(rest) > 0 && rest[0] == ':' {
			return n, false // a quoted key
		}
		if f.continues(li, parent) {
			return n, false
		}
		n.kind = fastScalar
		return n, true
	}
	if colon, ok := keyEnd(t); ok {
		if t[colon-1] == ' ' {
			return n, false // "key : value"
		}
		n.kind = fastMapping
		return n, true
	}
	if f.continues(li, parent) {
		return n, false // a plain scalar over several lines
	}
	n.kind = fastScalar
	return n, true
}

// continues reports whether the next content line is indented deeper than
// parent, so a scalar or flow collection at line li would go on there.
func (f *fastLocator) continues(li, parent int) bool {
	j := f.nextContent(li)
	return j >= 0 && f.ind(j) > parent
}

// keyEnd returns the index of the ':' that ends a plain key at the start
// of t ("key: value" or "key:"), or false when t is not a key.
func keyEnd(t []byte) (int, bool) {
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case ':':
			if i+1 == len(t) || t[i+1] == ' ' {
				if i == 0 {
					return 0, false
				}
				return i, true
			}
		case '#':
			if i > 0 && t[i-1] == ' ' {
				return 0, false // a comment before any ": "
			}
		}
	}
	return 0, false
}

// quoteEnd returns the index of the quote that closes the quoted scalar t
// starts with, or -1 when it does not close on this line.
func quoteEnd(t []byte) int {
	q := t[0]
	for i := 1; i < len(t); i++ {
		switch {
		case q == '"' && t[i] == '\\':
			i++
		case t[i] == q:
			if q == '\'' && i+1 < len(t) && t[i+1] == '\'' {
				i++ // '' is an escaped quote
				continue
			}
			return i
		}
	}
	return -1
}

// closesOnLine reports whether the flow collection t starts with closes on
// the same line.
func closesOnLine(t []byte) bool {
	depth := 0
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth == 0 {
				return true
			}
		case '"', '\'':
			end := quoteEnd(t[i:])
			if end < 0 {
				return false
			}
			i += end
		case '#':
			if i > 0 && t[i-1] == ' ' {
				return false
			}
		}
	}
	return false
}

// entryValue reads the value of the mapping entry whose key starts at
// line li, column col and ends at t[colon] (t = text from col).
func (f *fastLocator) entryValue(li, col int, t []byte, colon int) (fastNode, bool) {
	vcol := col + colon + 1
	rest := t[colon+1:]
	for len(rest) > 0 && rest[0] == ' ' {
		rest, vcol = rest[1:], vcol+1
	}
	if len(rest) > 0 && rest[0] != '#' {
		return f.nodeAt(li, vcol, col)
	}
	// the value starts on a following line
	j := f.nextContent(li)
	if j < 0 {
		return fastNode{}, false // an empty (null) value
	}
	ind := f.ind(j)
	tj := f.text(j, ind)
	switch {
	case ind > col:
		return f.nodeAt(j, ind, col)
	case ind == col && len(tj) > 0 && tj[0] == '-' && (len(tj) == 1 || tj[1] == ' '):
		return fastNode{line: j, col: ind, kind: fastSequence, parent: col}, true // an indentless sequence
	}
	return fastNode{}, false // an empty (null) value
}

// lookup finds key in the mapping m: the key's position and its value.
func (f *fastLocator) lookup(m fastNode, key string) (kl, kc int, value fastNode, found, ok bool) {
	found = false
	err := f.entries(m, func(li, col int, k []byte, t []byte, colon int) (bool, bool) {
		if string(k) == "<<" {
			return false, false
		}
		if string(k) != key {
			return true, true
		}
		v, ok := f.entryValue(li, col, t, colon)
		if !ok {
			return false, false
		}
		kl, kc, value, found = li, col, v, true
		return false, true
	})
	return kl, kc, value, found, err
}

// entries calls fn for each entry of mapping m, in order, until fn returns
// more == false; ok is false when an entry could not be read (or fn said so).
func (f *fastLocator) entries(m fastNode, fn func(li, col int, key, t []byte, colon int) (more, ok bool)) bool {
	li := m.line
	for {
		t := f.text(li, m.col)
		if len(t) > 0 && (t[0] == '"' || t[0] == '\'' || t[0] == '?' || t[0] == '&' || t[0] == '*' || t[0] == '!') {
			return false
		}
		colon, isKey := keyEnd(t)
		if !isKey || t[colon-1] == ' ' {
			return false
		}
		more, ok := fn(li, m.col, t[:colon], t, colon)
		if !ok {
			return false
		}
		if !more {
			return true
		}
		// the next entry: the next content line at this indentation,
		// skipping the value (deeper lines, and an indentless sequence)
		next := -1
		for j := li + 1; j < len(f.lines); j++ {
			l := f.lines[j]
			if l.blank || int(l.indent) > m.col {
				continue
			}
			if l.comment {
				continue
			}
			if int(l.indent) < m.col {
				return true // the mapping ends
			}
			tj := f.text(j, m.col)
			if tj[0] == '-' && (len(tj) == 1 || tj[1] == ' ') {
				continue // an indentless sequence, the previous value
			}
			next = j
			break
		}
		if next < 0 {
			return true
		}
		li = next
	}
}

// item returns entry i of sequence s.
func (f *fastLocator) item(s fastNode, i int) (fastNode, bool, bool) {
	n := 0
	for j := s.line; j < len(f.lines); j++ {
		l := f.lines[j]
		if l.blank || l.comment || int(l.indent) > s.col {
			continue
		}
		if int(l.indent) < s.col {
			break
		}
		t := f.text(j, s.col)
		if t[0] != '-' || (len(t) > 1 && t[1] != ' ') {
			break // a sibling key after an indentless sequence
		}
		if n == i {
			return f.entry(j, s.col)
		}
		n++
	}
	return fastNode{}, false, true
}

// entry reads the node of the sequence entry whose '-' is at line li,
// column col.
func (f *fastLocator) entry(li, col int) (fastNode, bool, bool) {
	t := f.text(li, col)
	c := 1
	for c < len(t) && t[c] == ' ' {
		c++
	}
	if c == len(t) || t[c] == '#' {
		return fastNode{}, false, false // the entry's node starts on a later line
	}
	if t[c] == '-' && (c+1 == len(t) || t[c+1] == ' ') {
		return fastNode{}, false, false // a nested sequence entry
	}
	n, ok := f.nodeAt(li, col+c, col)
	return n, true, ok
}

// lastLine is the last line any part of n starts on, as LastLine computes
// it on the parsed node.
func (f *fastLocator) lastLine(n fastNode) (int, bool) {
	switch n.kind {
	case fastScalar, fastFlow:
		return n.line, true
	case fastLiteral:
		// the literal's lines are those indented deeper than the key or
		// entry that holds it; LastLine counts up to the last one that is
		// not blank
		parent := n.parent
		last := -1
		for j := n.line + 1; j < len(f.lines); j++ {
			l := f.lines[j]
			if l.blank {
				continue
			}
			if int(l.indent) <= parent {
				break
			}
			last = j
		}
		if last < 0 {
			return 0, false
		}
		return last, true
	case fastMapping:
		var value fastNode
		seen := false
		ok := f.entries(n, func(li, col int, key, t []byte, colon int) (bool, bool) {
			if string(key) == "<<" {
				return false, false
			}
			v, ok := f.entryValue(li, col, t, colon)
			if !ok {
				return false, false
			}
			value, seen = v, true
			return true, true
		})
		if !ok || !seen {
			return 0, false
		}
		return f.lastLine(value)
	case fastSequence:
		var last fastNode
		seen := false
		for j := n.line; j < len(f.lines); j++ {
			l := f.lines[j]
			if l.blank || l.comment || int(l.indent) > n.col {
				continue
			}
			if int(l.indent) < n.col {
				break
			}
			t := f.text(j, n.col)
			if t[0] != '-' || (len(t) > 1 && t[1] != ' ') {
				break
			}
			e, _, ok := f.entry(j, n.col)
			if !ok {
				return 0, false
			}
			last, seen = e, true
		}
		if !seen {
			return 0, false
		}
		return f.lastLine(last)
	}
	return 0, false
}
