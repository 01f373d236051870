package lockfile

import (
	"bytes"
	"io/fs"
	"os"
	"path"
	"testing"
	"testing/fstest"
)

// fuzzFamily fuzzes the parsers of one family of formats: any input must
// give resources and diagnostics, never a panic, and every package must
// point at a line of the file.
func fuzzFamily(f *testing.F, names ...string) {
	f.Helper()
	fsys := os.DirFS("testdata")
	fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		for i, n := range names {
			if path.Base(p) == n {
				if b, err := fs.ReadFile(fsys, p); err == nil {
					f.Add(uint8(i), b)
				}
			}
		}
		return nil
	})
	f.Fuzz(func(t *testing.T, which uint8, b []byte) {
		name := names[int(which)%len(names)]
		// a parent POM is read from the same in-memory tree
		mfs := fstest.MapFS{"a/" + name: {Data: b}, "pom.xml": {Data: b}}
		rs, _ := Parse(t.Context(), mfs, "a/"+name, b, 1<<20)
		n := bytes.Count(b, []byte("\n")) + 1
		for _, r := range rs {
			if r.Range.Start.Line < 1 || r.Range.Start.Line > n {
				t.Fatalf("%s: package %s at line %d of a %d-line file", name, r.Name, r.Range.Start.Line, n)
			}
			if r.Attrs["version"] == "" || r.Name == "" {
				t.Fatalf("%s: package without a name or version: %+v", name, r.Attrs)
			}
		}
	})
}

func FuzzLockfileJSON(f *testing.F) {
	fuzzFamily(f, "package-lock.json", "Pipfile.lock", "composer.lock")
}

func FuzzLockfileText(f *testing.F) {
	fuzzFamily(f, "requirements.txt", "gradle.lockfile", "Gemfile.lock", "yarn.lock")
}

func FuzzLockfileYAML(f *testing.F) {
	fuzzFamily(f, "pnpm-lock.yaml", "yarn.lock")
}

func FuzzLockfileTOML(f *testing.F) {
	fuzzFamily(f, "poetry.lock", "Cargo.lock")
}

func FuzzPom(f *testing.F) {
	fuzzFamily(f, "pom.xml")
}

func FuzzGoMod(f *testing.F) {
	fuzzFamily(f, "go.mod")
}
