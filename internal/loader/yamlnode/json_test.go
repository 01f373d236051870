package yamlnode

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/onus-project/onus/internal/resource"
)

func TestParseJSONPositions(t *testing.T) {
	src := "{\n\t\"a\": {\n\t\t\"b\": [1,\n\t\t\t2.5, \"x\\/y\"]\n\t},\n  // a comment\n  \"c\": null, /* inline\n  block */ \"d\": true\n}\n"
	root, comments, err := ParseJSON([]byte(src), true)
	if err != nil {
		t.Fatal(err)
	}
	v, err := NewConverter(len(src)).Value(root)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"a": map[string]any{"b": []any{int64(1), 2.5, "x/y"}}, "c": nil, "d": true}
	if diff := cmp.Diff(want, v); diff != "" {
		t.Fatal(diff)
	}
	loc := Locator{File: "f.json", Root: root}
	for path, line := range map[string]int{"a": 2, "a.b": 3, "a.b[1]": 4, "a.b[2]": 4, "c": 7, "d": 8} {
		p, _ := resource.ParsePath(path)
		rng, ok := loc.Locate(p)
		if !ok || rng.Start.Line != line {
			t.Errorf("%s: line %d (found %v), want %d", path, rng.Start.Line, ok, line)
		}
	}
	if len(comments) != 2 || comments[0].Line != 6 || strings.TrimSpace(comments[0].Text) != "a comment" || comments[1].Line != 7 {
		t.Fatalf("comments: %+v", comments)
	}
}

func TestParseJSONErrors(t *testing.T) {
	for in, want := range map[string]string{
		"{\n  \"a\": 1,\n}": "line 3 column 1",
		"{\"a\": [1, 2}":    "line 1 column 12",
		"{\"a\": 1} {}":     "line 1 column 10",
		"{\"a\": ":          "unexpected end",
		"/* open":           "unterminated",
		"{\"a\": 1 // x\n}": "",
	} {
		_, _, err := ParseJSON([]byte(in), true)
		if want == "" {
			if err != nil {
				t.Errorf("%q: %v", in, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: got %v, want %q", in, err, want)
		}
	}
	if _, _, err := ParseJSON([]byte("{\"a\": 1 // x\n}"), false); err == nil {
		t.Error("comments are refused in plain JSON")
	}
	deep := strings.Repeat("[", MaxDepth+5) + strings.Repeat("]", MaxDepth+5)
	if _, _, err := ParseJSON([]byte(deep), false); err == nil || !strings.Contains(err.Error(), "nesting") {
		t.Errorf("deep nesting: %v", err)
	}
}

func FuzzParseJSON(f *testing.F) {
	f.Add([]byte(`{"a": [1, {"b": "c\/d"}], "e": null} // x`))
	f.Add([]byte("/* c */ [1,2,3]"))
	f.Fuzz(func(t *testing.T, b []byte) {
		root, _, err := ParseJSON(b, true)
		if err != nil {
			return
		}
		if _, err := NewConverter(len(b)).Value(root); err != nil && !strings.Contains(err.Error(), "size limit") {
			t.Fatal(err)
		}
	})
}
