package advisory

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzOSV parses records and evaluates versions against them: bad records
// are errors, never panics, and only an affected version carries fixes.
func FuzzOSV(f *testing.F) {
	files, _ := filepath.Glob("builtin/*.json")
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b, "2.3.31")
		}
	}
	f.Add([]byte(`{"id":"X","modified":"2024-01-01T00:00:00Z","affected":[{"package":{"ecosystem":"PyPI","name":"a"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"last_affected":"1!1.0"},{"limit":"*"}]}],"versions":["1.0"]}]}`), "1!0.9")
	f.Fuzz(func(t *testing.T, b []byte, version string) {
		v, err := Parse(b)
		if err != nil {
			return
		}
		for i := range v.Affected {
			vd := Evaluate(&v.Affected[i], version)
			if !vd.Affected && (len(vd.Fixed) > 0 || vd.LastAffected != "") {
				t.Fatalf("an unaffected version has fix facts: %+v", vd)
			}
		}
	})
}
