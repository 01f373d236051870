package advisory

import (
	"archive/zip"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func osvRecord(id, eco, name, introduced, fixed, modified string) string {
	return fmt.Sprintf(`{"id": %q, "modified": %q, "aliases": ["CVE-%s"], "affected": [{"package": {"ecosystem": %q, "name": %q}, "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": %q}, {"fixed": %q}]}]}]}`,
		id, modified, strings.TrimPrefix(id, "T-"), eco, name, introduced, fixed)
}

func writeZip(t *testing.T, path string, entries map[string]string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	for name, body := range entries {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

func TestImportFolderZipAndMerge(t *testing.T) {
	src := t.TempDir()
	idx := filepath.Join(t.TempDir(), "index")
	os.MkdirAll(filepath.Join(src, "osv", "nested"), 0o755)
	os.WriteFile(filepath.Join(src, "osv", "a.json"), []byte(osvRecord("T-1", "PyPI", "Django", "0", "3.2.1", "2024-01-01T00:00:00Z")), 0o644)
	os.WriteFile(filepath.Join(src, "osv", "nested", "b.json"), []byte("["+osvRecord("T-2", "npm", "lodash", "0", "4.17.21", "2024-02-01T00:00:00Z")+"]"), 0o644)
	os.WriteFile(filepath.Join(src, "osv", "bad.json"), []byte(`{"id": "T-3"}`), 0o644)
	writeZip(t, filepath.Join(src, "maven.zip"), map[string]string{
		"T-4.json":         osvRecord("T-4", "Maven", "g:a", "1.0", "1.5", "2024-03-01T00:00:00Z"),
		"../evil.json":     osvRecord("T-5", "Maven", "g:evil", "0", "9", "2024-03-01T00:00:00Z"),
		"/abs/evil.json":   osvRecord("T-6", "Maven", "g:evil", "0", "9", "2024-03-01T00:00:00Z"),
		"README.txt":       "not a record",
		"dir/T-7.json":     osvRecord("T-7", "Maven", "g:a", "2.0", "2.1", "2024-03-02T00:00:00Z"),
		"withdrawn-1.json": `{"id": "T-8", "modified": "2024-03-01T00:00:00Z", "withdrawn": "2024-03-01T00:00:00Z"}`,
	})
	now := time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC)
	res, diags, err := Import(t.Context(), idx, []string{filepath.Join(src, "osv"), filepath.Join(src, "maven.zip")}, ImportOptions{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, d := range diags {
		msgs = append(msgs, d.Error())
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{"bad.json: invalid OSV record", "../evil.json: archive entry refused", "/abs/evil.json: archive entry refused"} {
		if !strings.Contains(all, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, all)
		}
	}
	if got := res.Manifest.Records(); got != 4 {
		t.Fatalf("records = %d, want 4 (T-1, T-2, T-4, T-7)\n%s", got, all)
	}
	if res.Withdrawn != 1 {
		t.Errorf("withdrawn = %d", res.Withdrawn)
	}

	ix, err := OpenIndex(idx)
	if err != nil {
		t.Fatal(err)
	}
	db := &DB{Index: ix}
	for _, c := range []struct {
		eco, name, version string
		want               int
	}{
		{"PyPI", "django", "3.2.0", 1}, // PEP 503 name folding
		{"PyPI", "Django", "3.2.1", 0},
		{"npm", "lodash", "4.17.20", 1},
		{"Maven", "g:a", "1.2", 1},
		{"Maven", "g:a", "2.0.5", 1},
		{"Maven", "g:a", "1.5", 0},
		{"Maven", "g:evil", "1", 0},
	} {
		ms, _, err := db.Match(c.eco, c.name, c.version)
		if err != nil {
			t.Fatal(err)
		}
		if len(ms) != c.want {
			t.Errorf("%s %s %s: %d matches, want %d", c.eco, c.name, c.version, len(ms), c.want)
		}
	}
	ix.Close()

	// a second import merges: a newer T-4 replaces the old one, T-7 is withdrawn
	os.WriteFile(filepath.Join(src, "update.json"), []byte("["+osvRecord("T-4", "Maven", "g:a", "1.0", "1.3", "2024-05-01T00:00:00Z")+
		`,{"id": "T-7", "modified": "2024-05-01T00:00:00Z", "withdrawn": "2024-05-01T00:00:00Z"}]`), 0o644)
	if _, _, err := Import(t.Context(), idx, []string{filepath.Join(src, "update.json")}, ImportOptions{Now: now.Add(24 * time.Hour)}); err != nil {
		t.Fatal(err)
	}
	ix, err = OpenIndex(idx)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if len(ix.Manifest.Sources) != 3 || !ix.Manifest.UpdatedAt.Equal(now.Add(24*time.Hour)) {
		t.Errorf("manifest: %+v", ix.Manifest)
	}
	db = &DB{Index: ix}
	if ms, _, _ := db.Match("Maven", "g:a", "1.4"); len(ms) != 0 {
		t.Errorf("the newer record (fixed 1.3) must replace the old one (fixed 1.5)")
	}
	if ms, _, _ := db.Match("Maven", "g:a", "2.0.5"); len(ms) != 0 {
		t.Errorf("a withdrawn record must be removed")
	}
	if ms, _, _ := db.Match("PyPI", "django", "3.2.0"); len(ms) != 1 {
		t.Errorf("other ecosystems must be kept")
	}
}

func TestIndexMergesBuiltinFacts(t *testing.T) {
	idx := t.TempDir()
	src := filepath.Join(t.TempDir(), "ghsa.json")
	// the index's copy of S2-045 carries no KEV marker nor fix dates
	os.WriteFile(src, []byte(`{"id": "GHSA-j77q-2qqg-6989", "modified": "2024-01-04T22:53:28Z", "published": "2018-10-18T19:24:26Z", "aliases": ["CVE-2017-5638"],
	 "affected": [{"package": {"ecosystem": "Maven", "name": "org.apache.struts:struts2-core"}, "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "2.3.0"}, {"fixed": "2.3.32"}]}]}],
	 "database_specific": {"severity": "CRITICAL"}}`), 0o644)
	if _, _, err := Import(t.Context(), idx, []string{src}, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	ix, err := OpenIndex(idx)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	b, _ := Builtin()
	ms, _, err := (&DB{Builtin: b, Index: ix}).Match("Maven", "org.apache.struts:struts2-core", "2.3.31")
	if err != nil {
		t.Fatal(err)
	}
	var s2045 *Match
	for i := range ms {
		if ms[i].Vuln.ID == "GHSA-j77q-2qqg-6989" {
			if s2045 != nil {
				t.Fatal("the same advisory is reported twice")
			}
			s2045 = &ms[i]
		}
	}
	if s2045 == nil || s2045.Source != SourceIndex || !s2045.KnownExploited || s2045.FixDate != "2017-03-06" {
		t.Fatalf("want the index's record with the built-in facts, got %+v", s2045)
	}
}

func TestOpenIndexMissing(t *testing.T) {
	if _, err := OpenIndex(t.TempDir()); err == nil || !strings.Contains(err.Error(), ErrNoIndex.Error()) {
		t.Fatalf("want ErrNoIndex, got %v", err)
	}
}
