package report

import (
	"encoding/json"
	"io"
)

// JSON writes the report as indented JSON (the onus/report@v1 contract).
type JSON struct{}

var _ Writer = JSON{}

// Write implements Writer.
func (JSON) Write(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}

// Read decodes a JSON report, checking its schema.
func Read(rd io.Reader) (*Report, error) {
	var r Report
	dec := json.NewDecoder(rd)
	if err := dec.Decode(&r); err != nil {
		return nil, err
	}
	if r.Schema != Schema {
		return nil, &SchemaError{Got: r.Schema}
	}
	return &r, nil
}

// SchemaError says a document is not an onus/report@v1 report.
type SchemaError struct{ Got string }

func (e *SchemaError) Error() string {
	return "not an " + Schema + " report (schema is \"" + e.Got + "\")"
}
