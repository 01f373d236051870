package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestJSONGolden(t *testing.T) {
	out := render(t, "json", Options{})
	golden(t, "report.json", out)

	back, err := Read(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	want := fixture()
	if diff := cmp.Diff(want.Summary, back.Summary); diff != "" {
		t.Errorf("summary does not survive a round trip (-want +got):\n%s", diff)
	}
	if len(back.Findings) != len(want.Findings) || back.Findings[0].Fingerprint != want.Findings[0].Fingerprint {
		t.Error("findings do not survive a round trip")
	}
	// the contract's required fields are all there
	var doc map[string]any
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	f := doc["findings"].([]any)[0].(map[string]any)
	for _, k := range []string{"rule", "title", "severity", "category", "layer", "owner", "service_model", "team", "resource", "location", "message", "remediation", "controls", "status"} {
		if _, ok := f[k]; !ok {
			t.Errorf("finding lacks %q", k)
		}
	}
}

func TestReadRefusesOtherSchemas(t *testing.T) {
	_, err := Read(strings.NewReader(`{"schema": "other@v9"}`))
	var se *SchemaError
	if !errors.As(err, &se) || se.Got != "other@v9" {
		t.Fatalf("Read = %v, want a SchemaError", err)
	}
}
