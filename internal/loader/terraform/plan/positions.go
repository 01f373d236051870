package plan

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"

	"github.com/onus-project/onus/internal/resource"
	"github.com/onus-project/onus/internal/source"
)

// lineIndex maps byte offsets of a file to lines and columns.
type lineIndex struct {
	starts []int // byte offset of the start of each line
}

func newLineIndex(b []byte) *lineIndex {
	li := &lineIndex{starts: []int{0}}
	for i, c := range b {
		if c == '\n' {
			li.starts = append(li.starts, i+1)
		}
	}
	return li
}

// pos returns the 1-based line and column of a byte offset.
func (li *lineIndex) pos(off int) (int, int) {
	i := sort.SearchInts(li.starts, off+1) - 1
	if i < 0 {
		i = 0
	}
	return i + 1, off - li.starts[i] + 1
}

// rawObject is the byte span of a JSON value in the file.
type rawObject struct{ start, end int }

// locateResources finds the byte spans of the planned resources of every
// module, in the order the plan lists them.
func locateResources(b []byte, root *module) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := expectDelim(dec, '{'); err != nil {
		return err
	}
	for dec.More() {
		key, err := readKey(dec)
		if err != nil {
			return err
		}
		if key != "planned_values" {
			if err := skip(dec); err != nil {
				return err
			}
			continue
		}
		if err := expectDelim(dec, '{'); err != nil {
			return err
		}
		for dec.More() {
			k, err := readKey(dec)
			if err != nil {
				return err
			}
			if k == "root_module" {
				if err := walkModule(dec, b, root, 0); err != nil {
					return err
				}
				continue
			}
			if err := skip(dec); err != nil {
				return err
			}
		}
		return nil
	}
	return nil
}

func walkModule(dec *json.Decoder, b []byte, m *module, depth int) error {
	if depth > 64 {
		return fmt.Errorf("modules nested too deeply")
	}
	if err := expectDelim(dec, '{'); err != nil {
		return err
	}
	child := 0
	for dec.More() {
		key, err := readKey(dec)
		if err != nil {
			return err
		}
		switch key {
		case "resources":
			if err := expectDelim(dec, '['); err != nil {
				return err
			}
			for dec.More() {
				start := valueStart(b, int(dec.InputOffset()))
				var raw json.RawMessage
				if err := dec.Decode(&raw); err != nil {
					return err
				}
				m.raw = append(m.raw, rawObject{start: start, end: start + len(raw)})
			}
			if err := expectDelim(dec, ']'); err != nil {
				return err
			}
		case "child_modules":
			if err := expectDelim(dec, '['); err != nil {
				return err
			}
			for dec.More() {
				if child < len(m.ChildModules) && m.ChildModules[child] != nil {
					if err := walkModule(dec, b, m.ChildModules[child], depth+1); err != nil {
						return err
					}
				} else if err := skip(dec); err != nil {
					return err
				}
				child++
			}
			if err := expectDelim(dec, ']'); err != nil {
				return err
			}
		default:
			if err := skip(dec); err != nil {
				return err
			}
		}
	}
	return expectDelim(dec, '}')
}

// valueStart skips the separators after a decoder offset to the first byte
// of the next value.
func valueStart(b []byte, off int) int {
	for off < len(b) {
		switch b[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
		default:
			return off
		}
	}
	return off
}

func expectDelim(dec *json.Decoder, want json.Delim) error {
	t, err := dec.Token()
	if err != nil {
		return err
	}
	if d, ok := t.(json.Delim); !ok || d != want {
		return fmt.Errorf("at byte %d: want %q, got %v", dec.InputOffset(), want, t)
	}
	return nil
}

func readKey(dec *json.Decoder) (string, error) {
	t, err := dec.Token()
	if err != nil {
		return "", err
	}
	s, ok := t.(string)
	if !ok {
		return "", fmt.Errorf("at byte %d: want an object key, got %v", dec.InputOffset(), t)
	}
	return s, nil
}

func skip(dec *json.Decoder) error {
	var raw json.RawMessage
	return dec.Decode(&raw)
}

// jsonLocator finds attribute paths inside a planned resource's values in
// the plan file. It reads the resource's bytes only when asked.
type jsonLocator struct {
	file  string
	body  []byte
	lines *lineIndex
	obj   rawObject
}

var _ resource.Locator = (*jsonLocator)(nil)

// Locate implements resource.Locator.
func (l *jsonLocator) Locate(p resource.Path) (source.Range, bool) {
	span := l.body[l.obj.start:l.obj.end]
	full := append(resource.Path{resource.Key("values")}, p...)
	off, ok := find(span, full)
	if !ok {
		return source.Range{}, false
	}
	line, col := l.lines.pos(l.obj.start + off)
	return source.Range{Filename: l.file, Start: source.Pos{Line: line, Column: col, Byte: l.obj.start + off}, End: source.Pos{Line: line}}, true
}

// find returns the offset, inside the JSON value b, of the key (or list
// element) at path p.
func find(b []byte, p resource.Path) (int, bool) {
	dec := json.NewDecoder(bytes.NewReader(b))
	pos := 0
	for _, step := range p {
		t, err := dec.Token()
		if err != nil {
			return 0, false
		}
		d, ok := t.(json.Delim)
		if !ok {
			return 0, false
		}
		switch {
		case step.IsKey && d == '{':
			found := false
			for dec.More() {
				k, err := readKey(dec)
				if err != nil {
					return 0, false
				}
				if k == step.Key {
					end := int(dec.InputOffset())
					pos = bytes.LastIndexByte(b[:end-1], '"')
					found = true
					break
				}
				if skip(dec) != nil {
					return 0, false
				}
			}
			if !found {
				return 0, false
			}
		case !step.IsKey && d == '[':
			for i := 0; i < step.Index; i++ {
				if !dec.More() || skip(dec) != nil {
					return 0, false
				}
			}
			if !dec.More() {
				return 0, false
			}
			pos = valueStart(b, int(dec.InputOffset()))
		default:
			return 0, false
		}
	}
	if pos < 0 {
		pos = 0
	}
	return pos, true
}
