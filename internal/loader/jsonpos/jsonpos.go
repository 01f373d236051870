// Package jsonpos reads JSON with encoding/json while keeping where each
// value starts, so loaders of JSON lockfiles and SBOMs can point findings
// at the line of an entry. Values are decoded lazily: a loader walks the
// members it needs and decodes each into its own struct.
package jsonpos

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"sort"

	"github.com/onus-project/onus/internal/source"
)

// Value is a JSON value and the byte offset where it starts in the file.
type Value struct {
	Raw json.RawMessage
	Off int
}

// Member is one member of an object.
type Member struct {
	Key    string
	KeyOff int
	Value  Value
}

// Root returns the document as a value; b is the whole file.
func Root(b []byte) Value {
	off := skip(b, 0, "\ufeff \t\r\n")
	return Value{Raw: b[off:], Off: off}
}

// Kind returns the first byte of the value: '{', '[', '"', 't', 'f', 'n'
// or a digit or '-'; 0 for an empty value.
func (v Value) Kind() byte {
	if len(v.Raw) == 0 {
		return 0
	}
	return v.Raw[0]
}

// Decode unmarshals the value.
func (v Value) Decode(dst any) error {
	return json.Unmarshal(v.Raw, dst)
}

// Members returns the members of an object in order.
func (v Value) Members() ([]Member, error) {
	dec := json.NewDecoder(bytes.NewReader(v.Raw))
	tok, err := dec.Token()
	if err != nil {
		return nil, v.wrap(err, dec)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return nil, &Error{Off: v.Off, Msg: "want an object"}
	}
	var out []Member
	for dec.More() {
		keyOff := skip(v.Raw, int(dec.InputOffset()), " \t\r\n,")
		tok, err := dec.Token()
		if err != nil {
			return out, v.wrap(err, dec)
		}
		key, ok := tok.(string)
		if !ok {
			return out, &Error{Off: v.Off + keyOff, Msg: "want an object key"}
		}
		valOff := skip(v.Raw, int(dec.InputOffset()), " \t\r\n:")
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return out, v.wrap(err, dec)
		}
		out = append(out, Member{Key: key, KeyOff: v.Off + keyOff, Value: Value{Raw: raw, Off: v.Off + valOff}})
	}
	if _, err := dec.Token(); err != nil {
		return out, v.wrap(err, dec)
	}
	return out, nil
}

// Get returns the member of an object with a key.
func (v Value) Get(key string) (Member, bool, error) {
	ms, err := v.Members()
	if err != nil {
		return Member{}, false, err
	}
	for _, m := range ms {
		if m.Key == key {
			return m, true, nil
		}
	}
	return Member{}, false, nil
}

// Elements returns the elements of an array in order.
func (v Value) Elements() ([]Value, error) {
	dec := json.NewDecoder(bytes.NewReader(v.Raw))
	tok, err := dec.Token()
	if err != nil {
		return nil, v.wrap(err, dec)
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return nil, &Error{Off: v.Off, Msg: "want an array"}
	}
	var out []Value
	for dec.More() {
		off := skip(v.Raw, int(dec.InputOffset()), " \t\r\n,")
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return out, v.wrap(err, dec)
		}
		out = append(out, Value{Raw: raw, Off: v.Off + off})
	}
	if _, err := dec.Token(); err != nil {
		return out, v.wrap(err, dec)
	}
	return out, nil
}

// Error is a JSON problem at a byte offset of the file.
type Error struct {
	Off int
	Msg string
}

func (e *Error) Error() string { return e.Msg }

func (v Value) wrap(err error, dec *json.Decoder) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return &Error{Off: v.Off + int(se.Offset), Msg: se.Error()}
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return &Error{Off: v.Off + int(te.Offset), Msg: te.Error()}
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return &Error{Off: v.Off + len(v.Raw), Msg: "unexpected end of JSON"}
	}
	return &Error{Off: v.Off + int(dec.InputOffset()), Msg: err.Error()}
}

func skip(b []byte, i int, set string) int {
	for i < len(b) {
		if bytes.HasPrefix(b[i:], []byte("\ufeff")) {
			i += 3
			continue
		}
		if !bytes.ContainsRune([]byte(set), rune(b[i])) {
			break
		}
		i++
	}
	return i
}

// Lines turns byte offsets into 1-based lines and columns.
type Lines struct {
	starts []int
}

// NewLines indexes the line starts of b.
func NewLines(b []byte) *Lines {
	l := &Lines{starts: []int{0}}
	for i, c := range b {
		if c == '\n' {
			l.starts = append(l.starts, i+1)
		}
	}
	return l
}

// Pos returns the position of a byte offset.
func (l *Lines) Pos(off int) source.Pos {
	i := sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > off }) - 1
	if i < 0 {
		i = 0
	}
	return source.Pos{Line: i + 1, Column: off - l.starts[i] + 1, Byte: off}
}

// Range returns a one-position range of file at a byte offset.
func (l *Lines) Range(file string, off int) source.Range {
	p := l.Pos(off)
	return source.Range{Filename: file, Start: p, End: p}
}
