package admission_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/onus-project/onus/internal/server/admission"
)

// FuzzDecode feeds arbitrary bodies to the AdmissionReview decoder: it
// never panics, and a review it accepts carries a request with a uid and
// an operation.
func FuzzDecode(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.json")
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"kind": "AdmissionReview", "apiVersion": "admission.k8s.io/v1", "request": {"uid": "u", "operation": "CREATE", "object": 5}}`))
	f.Add([]byte(`{"kind": "AdmissionReview", "apiVersion": "admission.k8s.io/v1", "request": null}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := admission.Decode(b)
		if err != nil {
			return
		}
		if r.Request == nil || r.Request.UID == "" || r.Request.Operation == "" {
			t.Errorf("accepted a review without request, uid or operation: %s", b)
		}
	})
}
