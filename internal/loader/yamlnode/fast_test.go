package yamlnode

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"go.yaml.in/yaml/v3"

	"github.com/onus-project/onus/internal/resource"
)

// tricky documents: every construct the line reader must either read as
// the parser does or refuse.
var trickyDocs = []string{
	"a: 1\nb:\n  c: [1, 2]\n  d: {x: y}\n  e: 'q: x'\n  f: \"q # x\"\n",
	"list:\n- name: a\n  value: 1\n- name: b\n  value:\n    deep: true\nafter: x\n",
	"script: |\n  echo one\n\n  # not a comment\n  echo two\n\nnext: 1\n",
	"seq:\n  - |\n    line\n    # kept\n  - plain\nz: 1\n",
	"folded: >\n  a\n  b\nc: 1\n",
	"multi: one\n  two\nk: v\n",
	"anchor: &x {a: 1}\nalias: *x\nmerge:\n  <<: *x\n  b: 2\n",
	"empty:\nnext: 1\n",
	"\"quoted\": 1\nplain: 2\n",
	"k : v\nx: y\n",
	"nested:\n- - a\n  - b\n- c\n",
	"flow: [a,\n  b]\nk: v\n",
	"tagged: !!str 5\n",
	"key: value # comment\n# comment\nother: # comment\n  x: 1\n",
	"a:\n  b:\n    c:\n      - d: 1\n        e:\n          - 1\n          - 2\n      - f\n",
	"url: http://example.com:80/x\nhash: a#b\n",
	"- a: 1\n- b: 2\n",
	"k: v\r\nl:\r\n  - x\r\n",
	"tab:\tx\n",
	"a:\n  - x\n  -\n    y: 1\n",
	"q: 'it''s: fine'\nr: \"esc\\\" x\"\n",
	"dash: -1\nneg: -x\nz: -\n",
	"k8s:\n  containers:\n  - name: app\n    env:\n    - {name: A, value: \"1\"}\n    securityContext: {privileged: true}\n",
}

func TestFastLocatorMatchesParser(t *testing.T) {
	docs := append([]string(nil), trickyDocs...)
	for _, root := range []string{"../kubernetes/testdata", "../../policy/builtin/kubernetes", "../../../examples"} {
		_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !(strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml")) {
				return nil
			}
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			docs = append(docs, splitDocs(b)...)
			return nil
		})
	}
	if len(docs) < 20 {
		t.Fatalf("only %d documents found", len(docs))
	}
	checked, sure := compareAll(t, docs)
	t.Logf("%d paths checked, %d answered by the line reader", checked, sure)
	if sure < checked/2 {
		t.Errorf("the line reader answered only %d of %d paths", sure, checked)
	}
}

// splitDocs splits a stream at "---" lines, as the Kubernetes loader does.
func splitDocs(b []byte) []string {
	var out []string
	var cur []string
	for _, line := range strings.Split(string(b), "\n") {
		if strings.TrimRight(line, "\r") == "---" {
			out = append(out, strings.Join(cur, "\n"))
			cur = nil
			continue
		}
		cur = append(cur, line)
	}
	return append(out, strings.Join(cur, "\n"))
}

// compareAll checks every path of every document (and missing ones) and
// returns how many paths it checked and how many the line reader answered.
func compareAll(t testing.TB, docs []string) (checked, sure int) {
	for _, doc := range docs {
		var root yaml.Node
		if yaml.Unmarshal([]byte(doc), &root) != nil || root.Kind == 0 {
			continue
		}
		v, err := NewConverter(len(doc)).Value(&root)
		if err != nil {
			continue
		}
		slow := Locator{File: "f", Root: &root}
		fast := newFastLocator([]byte(doc))
		paths := allPaths(v, nil, new(int))
		for _, p := range paths {
			checked++
			rng, found, ok := fast.locate("f", 0, p)
			if !ok {
				continue
			}
			sure++
			want, wantFound := slow.Locate(p)
			if found != wantFound {
				t.Errorf("path %s in\n%s\nfound=%v, the parser says %v", p, doc, found, wantFound)
				continue
			}
			if diff := cmp.Diff(want, rng); found && diff != "" {
				t.Errorf("path %s in\n%s\nrange differs (-parser +lines):\n%s", p, doc, diff)
			}
		}
	}
	return checked, sure
}

// allPaths lists every path of a value, plus a missing key and a missing
// index under each collection; budget bounds the count (aliases can make a
// small document a huge value).
func allPaths(v any, prefix resource.Path, budget *int) []resource.Path {
	var out []resource.Path
	if *budget++; *budget > 5000 {
		return nil
	}
	if prefix != nil {
		out = append(out, prefix)
	}
	switch x := v.(type) {
	case map[string]any:
		out = append(out, prefix.Append(resource.Key("no-such-key")))
		for k, e := range x {
			out = append(out, allPaths(e, prefix.Append(resource.Key(k)), budget)...)
		}
	case []any:
		out = append(out, prefix.Append(resource.Index(len(x))))
		for i, e := range x {
			out = append(out, allPaths(e, prefix.Append(resource.Index(i)), budget)...)
		}
	default:
		out = append(out, prefix.Append(resource.Key("below-a-scalar")))
	}
	return out
}

func FuzzFastLocate(f *testing.F) {
	for _, d := range trickyDocs {
		f.Add(d)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		if len(doc) > 4096 {
			return
		}
		compareAll(t, []string{doc})
	})
}
