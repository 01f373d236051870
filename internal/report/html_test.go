package report

import (
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/onus-project/onus/internal/finding"
)

func TestHTMLGolden(t *testing.T) {
	golden(t, "report.html", render(t, "html", Options{}))
}

// externalRef matches anything that would make a browser fetch a resource
// from the network: URL-valued attributes, CSS url() and @import with a
// scheme or a protocol-relative address.
var externalRef = regexp.MustCompile(`(?i)(\b(src|href|action|formaction|poster|data|srcset|background|manifest|ping)\s*=\s*["']?\s*(https?:)?//)|url\(\s*["']?\s*(https?:)?//|@import`)

func TestHTMLSelfContained(t *testing.T) {
	out := string(render(t, "html", Options{}))
	if m := externalRef.FindString(out); m != "" {
		t.Fatalf("the page references an external resource: %q", m)
	}
	for _, tag := range []string{"<link", "<iframe", "<object", "<embed"} {
		if strings.Contains(out, tag) {
			t.Errorf("the page holds %s", tag)
		}
	}
	a, err := loadHTMLAssets()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "<script>"+a.js+"</script>") || !strings.Contains(out, "<style>"+a.css+"</style>") {
		t.Fatal("the script and style are not inlined verbatim (their CSP hashes would not match)")
	}
	doc, err := html.Parse(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	csp := metaCSP(doc)
	for _, want := range []string{"default-src 'none'", "script-src " + cspHash(a.js), "style-src " + cspHash(a.css)} {
		if !strings.Contains(csp, want) {
			t.Errorf("the Content-Security-Policy %q lacks %q", csp, want)
		}
	}
}

// TestHTMLEscapes renders hostile file content, names and messages and
// checks that the only script element is the report's own and no element
// or attribute came from the input.
func TestHTMLEscapes(t *testing.T) {
	out := string(render(t, "html", Options{}))
	if n := strings.Count(out, "<script"); n != 1 {
		t.Errorf("%d <script elements, want 1", n)
	}
	if strings.Contains(out, "<img") || strings.Contains(out, "window.__pwned=1</script>") {
		t.Error("hostile markup reached the page unescaped")
	}
	doc, err := html.Parse(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	var walk func(*html.Node)
	scripts := 0
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script":
				scripts++
			case "img":
				t.Error("an <img> element came from the input")
			}
			for _, a := range n.Attr {
				if strings.HasPrefix(a.Key, "on") {
					t.Errorf("<%s> has an event handler attribute %s", n.Data, a.Key)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if scripts != 1 {
		t.Errorf("the parsed page has %d script elements, want 1", scripts)
	}
	// the hostile text is shown, as text
	if !strings.Contains(out, "&lt;script&gt;window.__pwned=1&lt;/script&gt;") {
		t.Error("hostile text is not shown escaped")
	}
	if !strings.Contains(out, "&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;window.__pwned=3") {
		t.Error("hostile file content is not shown escaped in the snippet")
	}
}

func TestSnippet(t *testing.T) {
	r := fixture()
	lines := snippet(r, r.Findings[0].Location)
	var hits []int
	for _, l := range lines {
		if l.Hit {
			hits = append(hits, l.N)
		}
	}
	f := r.Findings[0]
	if len(hits) != 1 || hits[0] != f.Location.StartLine || lines[0].N != f.Location.StartLine-snippetContext {
		t.Errorf("snippet of %s:%d marks %v from line %d", f.Location.File, f.Location.StartLine, hits, lines[0].N)
	}
	// CRLF files lose their carriage returns
	for _, l := range snippet(r, findingAt(r, "ONUS-K8S-041")) {
		if strings.HasSuffix(l.Text, "\r") {
			t.Errorf("line %d keeps its \\r", l.N)
		}
	}
}

// findingAt returns the location of the first finding of a rule.
func findingAt(r *Report, rule string) finding.Location {
	for _, f := range r.Findings {
		if f.Rule == rule {
			return f.Location
		}
	}
	return finding.Location{}
}

// metaCSP returns the content of the page's Content-Security-Policy meta.
func metaCSP(n *html.Node) string {
	if n.Type == html.ElementNode && n.Data == "meta" {
		var equiv, content string
		for _, a := range n.Attr {
			switch a.Key {
			case "http-equiv":
				equiv = a.Val
			case "content":
				content = a.Val
			}
		}
		if equiv == "Content-Security-Policy" {
			return content
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if s := metaCSP(c); s != "" {
			return s
		}
	}
	return ""
}
