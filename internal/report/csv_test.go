package report

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"testing"
)

func TestCSVGolden(t *testing.T) {
	out := render(t, "csv", Options{})
	golden(t, "report.csv", out)
	if !bytes.HasSuffix(out, []byte("\r\n")) {
		t.Error("rows do not end with CRLF (RFC 4180)")
	}
	rows, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("output is not CSV: %v", err)
	}
	rep := fixture()
	if len(rows) != len(rep.Findings)+1 || !slices.Equal(rows[0], CSVColumns) {
		t.Fatalf("%d rows with header %v", len(rows), rows[0])
	}
	col := func(name string) int { return slices.Index(CSVColumns, name) }
	for i, row := range rows[1:] {
		f := rep.Findings[i]
		if len(row) != len(CSVColumns) {
			t.Errorf("row %d has %d cells", i, len(row))
		}
		if row[col("rule")] != f.Rule || row[col("file")] != f.Location.File || row[col("status")] != string(f.Status) {
			t.Errorf("row %d = %v, want finding %s at %s", i, row, f.Rule, f.Location.File)
		}
		msg := row[col("message")]
		if strings.HasPrefix(f.Message, "=") {
			if msg != "'"+f.Message {
				t.Errorf("formula cell not defused: %q", msg)
			}
		} else if msg != f.Message {
			t.Errorf("message %q does not round-trip (got %q)", f.Message, msg)
		}
	}
}

func TestDefuse(t *testing.T) {
	for in, want := range map[string]string{"=1+1": "'=1+1", "+x": "'+x", "-x": "'-x", "@x": "'@x", "plain": "plain", "": "", "a=b": "a=b"} {
		if got := defuse(in); got != want {
			t.Errorf("defuse(%q) = %q, want %q", in, got, want)
		}
	}
}
