package cloudformation

import (
	"os"
	"testing"

	"github.com/onus-project/onus/internal/resource"
)

func FuzzParse(f *testing.F) {
	for _, name := range []string{"storage.yaml", "app.json", "sam.yaml", "nested/parent.yaml", "broken.yaml"} {
		b, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		rs, _ := Parse(t.Context(), "fuzz.yaml", b, Options{ReadFile: func(string) ([]byte, error) { return b, nil }})
		for _, r := range rs {
			if r.Kind != resource.CloudFormation || r.Type == "" || r.ID == "" {
				t.Fatalf("resource without kind, type or id: %+v", r)
			}
			r.Locate(resource.Path{resource.Key("Properties"), resource.Index(0)})
		}
	})
}
