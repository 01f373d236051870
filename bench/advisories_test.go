package bench

import (
	"archive/zip"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/onus-project/onus/internal/advisory"
	"github.com/onus-project/onus/internal/ecosystem"
	"github.com/onus-project/onus/internal/loader/inventory"
	"github.com/onus-project/onus/internal/resource"
)

// advisoryCorpus writes a zip export of n synthetic OSV records spread over
// npm, Maven and PyPI (a few thousand packages each, several records per
// package, multi-interval ranges) and imports it into an index.
func advisoryCorpus(b *testing.B, n int) (dir string, names map[string][]string) {
	b.Helper()
	tmp := b.TempDir()
	zpath := filepath.Join(tmp, "all.zip")
	f, err := os.Create(zpath)
	if err != nil {
		b.Fatal(err)
	}
	zw := zip.NewWriter(f)
	r := rand.New(rand.NewPCG(1, 2))
	ecos := []struct{ osv, prefix string }{{"npm", "pkg-"}, {"Maven", "org.example:artifact-"}, {"PyPI", "py-pkg-"}}
	names = map[string][]string{}
	perEco := n / len(ecos) / 4 // about four records per package
	for _, e := range ecos {
		for i := range perEco {
			names[e.osv] = append(names[e.osv], fmt.Sprintf("%s%d", e.prefix, i))
		}
	}
	for i := range n {
		e := ecos[i%len(ecos)]
		name := names[e.osv][r.IntN(len(names[e.osv]))]
		maj := r.IntN(5)
		typ := "ECOSYSTEM"
		if e.osv == "npm" {
			typ = "SEMVER"
		}
		rec := fmt.Sprintf(`{"id":"BENCH-%d","modified":"2024-01-01T00:00:00Z","published":"2023-06-01T00:00:00Z","aliases":["CVE-2099-%d"],"summary":"synthetic","database_specific":{"severity":"HIGH"},
"affected":[{"package":{"ecosystem":%q,"name":%q},"ranges":[{"type":%q,"events":[{"introduced":"0"},{"fixed":"%d.%d.%d"},{"introduced":"%d.0.0"},{"fixed":"%d.%d.1"}]}]}]}`,
			i, i, e.osv, name, typ, maj, r.IntN(20), r.IntN(10), maj+1, maj+1, r.IntN(20))
		w, err := zw.Create(fmt.Sprintf("BENCH-%d.json", i))
		if err != nil {
			b.Fatal(err)
		}
		w.Write([]byte(rec))
	}
	if err := zw.Close(); err != nil {
		b.Fatal(err)
	}
	f.Close()
	dir = filepath.Join(tmp, "index")
	start := time.Now()
	res, diags, err := advisory.Import(b.Context(), dir, []string{zpath}, advisory.ImportOptions{})
	if err != nil || diags.HasErrors() {
		b.Fatal(err, diags)
	}
	b.Logf("imported %d records in %s", res.Manifest.Records(), time.Since(start))
	return dir, names
}

// BenchmarkMatchAdvisories opens an index of 50,000 advisories and matches
// 10,000 components (a third npm, Maven and PyPI; half of them named in
// advisories) through the scan enricher: the cost a scan pays.
func BenchmarkMatchAdvisories(b *testing.B) {
	dir, names := advisoryCorpus(b, 50_000)
	builtin, err := advisory.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	r := rand.New(rand.NewPCG(3, 4))
	types := map[string]ecosystem.Type{"npm": ecosystem.Npm, "Maven": ecosystem.Maven, "PyPI": ecosystem.PyPI}
	var comps []inventory.Package
	for i := range 10_000 {
		eco := []string{"npm", "Maven", "PyPI"}[i%3]
		name := fmt.Sprintf("unrelated-%d", i)
		if i%2 == 0 {
			name = names[eco][r.IntN(len(names[eco]))]
		}
		comps = append(comps, inventory.Package{Type: types[eco], OSV: eco, Name: name,
			Version: fmt.Sprintf("%d.%d.%d", r.IntN(6), r.IntN(20), r.IntN(10))})
	}
	b.ResetTimer()
	for b.Loop() {
		rs := make([]*resource.Resource, len(comps))
		for i, p := range comps {
			rs[i] = inventory.Resource("bom.json", i, p)
		}
		ix, err := advisory.OpenIndex(dir)
		if err != nil {
			b.Fatal(err)
		}
		ext, diags := (&advisory.Enricher{DB: &advisory.DB{Builtin: builtin, Index: ix}}).Enrich(b.Context(), rs)
		if diags.HasErrors() {
			b.Fatal(diags)
		}
		ix.Close()
		if p := ext.Value.(advisory.Provenance); p.Affected == 0 || p.Packages != len(comps) {
			b.Fatalf("provenance %+v", p)
		}
	}
}
