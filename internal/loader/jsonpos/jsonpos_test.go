package jsonpos

import (
	"strings"
	"testing"
)

func TestMembersAndElementsKeepOffsets(t *testing.T) {
	doc := "\ufeff{\n  \"a\": 1,\n  \"list\": [\n    {\"x\": true},\n    \"s\"\n  ],\n  \"b\" : {\"c\": null}\n}\n"
	b := []byte(doc)
	ls := NewLines(b)
	ms, err := Root(b).Members()
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		key  string
		line int
	}{{"a", 2}, {"list", 3}, {"b", 7}}
	if len(ms) != len(want) {
		t.Fatalf("members %v", ms)
	}
	for i, w := range want {
		if ms[i].Key != w.key || ls.Pos(ms[i].KeyOff).Line != w.line {
			t.Errorf("member %d: %s at line %d, want %s at %d", i, ms[i].Key, ls.Pos(ms[i].KeyOff).Line, w.key, w.line)
		}
	}
	if p := ls.Pos(ms[0].KeyOff); p.Column != 3 {
		t.Errorf("column of \"a\" is %d, want 3", p.Column)
	}
	elems, err := ms[1].Value.Elements()
	if err != nil {
		t.Fatal(err)
	}
	if len(elems) != 2 || ls.Pos(elems[0].Off).Line != 4 || ls.Pos(elems[1].Off).Line != 5 || elems[1].Kind() != '"' {
		t.Fatalf("elements %v", elems)
	}
	m, ok, err := ms[2].Value.Get("c")
	if err != nil || !ok || m.Value.Kind() != 'n' || ls.Pos(m.KeyOff).Line != 7 {
		t.Fatalf("Get c: %+v %v %v", m, ok, err)
	}
}

func TestErrorsHaveOffsets(t *testing.T) {
	for _, c := range []struct {
		doc  string
		line int
	}{
		{"{\n  \"a\": 1,\n  \"b\": tru\n}", 3},
		{"{\n  \"a\": [1, 2\n", 3},
		{"[1, 2]", 1},
	} {
		_, err := Root([]byte(c.doc)).Members()
		je, ok := err.(*Error)
		if !ok {
			t.Fatalf("%q: want *Error, got %v", c.doc, err)
		}
		if got := NewLines([]byte(c.doc)).Pos(je.Off).Line; got != c.line {
			t.Errorf("%q: error %q at line %d, want %d", c.doc, je.Msg, got, c.line)
		}
		if strings.TrimSpace(je.Msg) == "" {
			t.Errorf("%q: empty message", c.doc)
		}
	}
}
