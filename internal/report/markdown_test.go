package report

import (
	"strings"
	"testing"
)

func TestMarkdownGolden(t *testing.T) {
	out := string(render(t, "markdown", Options{}))
	golden(t, "report.md", []byte(out))
	if !strings.HasPrefix(out, MarkdownMarker+"\n") {
		t.Error("the report does not start with its marker")
	}
	if strings.Contains(out, "<script") || strings.Contains(out, "<img") {
		t.Error("hostile HTML reaches the Markdown unescaped")
	}
	for _, want := range []string{
		"## ❌ onus: 5 findings to handle",
		"| Customer — yours to fix | · | 1 | 1 | · | **2** |",
		"### Top findings",
		"### Gaps: owned layers nobody is handling",
		"<details><summary>Responsibility matrix</summary>",
		"\\| pipe \\|",
		"| Kubernetes workloads | CaaS |",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("markdown lacks %q", want)
		}
	}
	// every table row has as many cells as its header
	var cols int
	for _, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(line, "|") {
			cols = 0
			continue
		}
		n := strings.Count(strings.ReplaceAll(line, `\|`, ""), "|")
		if cols == 0 {
			cols = n
		} else if n != cols {
			t.Errorf("row has %d separators, header %d: %s", n, cols, line)
		}
	}
}

func TestMarkdownClean(t *testing.T) {
	var b strings.Builder
	if err := (&Markdown{}).Write(&b, Build(Input{Now: fixtureTime, Tool: Tool{Name: "onus", Version: "v1"}})); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "## ✅ onus: no findings") || strings.Contains(b.String(), "Top findings") {
		t.Errorf("clean report:\n%s", b.String())
	}
}
