package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"runtime"

	"github.com/onus-project/onus/internal/finding"
)

// JSON writes the report as indented JSON (the onus/report@v1 contract).
type JSON struct{}

var _ Writer = JSON{}

// findingsField is where the findings array sits in the indented report:
// a newline, two spaces, the key. String values cannot hold a raw newline,
// so this cannot occur inside a value.
var findingsField = []byte("\n  \"findings\": []")

// Write implements Writer. The findings are encoded one at a time, straight
// to w: a large estate has tens of thousands of them, and encoding the
// whole report in memory would take several times the report's size. The
// output is byte for byte what encoding the whole report with
// json.Encoder (indent two spaces, no HTML escaping) gives.
func (JSON) Write(w io.Writer, r *Report) error {
	shell := *r
	shell.Findings = []finding.Finding{}
	var head bytes.Buffer
	if err := encode(&head, "", &shell); err != nil {
		return err
	}
	b := head.Bytes()
	at := bytes.Index(b, findingsField)
	if at < 0 || len(r.Findings) == 0 {
		if len(r.Findings) > 0 {
			return encode(w, "", r) // not the expected shape: encode it whole
		}
		_, err := w.Write(b)
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	cut := at + len(findingsField) - 1 // just before the closing "]"
	bw.Write(b[:cut])
	if err := writeFindings(bw, r.Findings); err != nil {
		return err
	}
	bw.WriteString("\n  ")
	bw.Write(b[cut:])
	return bw.Flush()
}

// findingsPerPart is how many findings one worker encodes at a time.
const findingsPerPart = 256

// writeFindings writes the elements of the findings array, encoding parts
// of it on every core and writing them in order; at most two parts per
// worker are held in memory.
func writeFindings(w *bufio.Writer, fs []finding.Finding) error {
	type part struct {
		from, to int
		buf      bytes.Buffer
		err      error
		done     chan struct{}
	}
	workers := runtime.GOMAXPROCS(0)
	todo := make(chan *part, 2*workers)
	order := make(chan *part, 2*workers)
	for range workers {
		go func() {
			for p := range todo {
				for i := p.from; i < p.to && p.err == nil; i++ {
					if i > 0 {
						p.buf.WriteByte(',')
					}
					p.buf.WriteString("\n    ")
					start := p.buf.Len()
					p.err = encode(&p.buf, "    ", &fs[i])
					if p.err == nil {
						p.buf.Truncate(start + len(bytes.TrimSuffix(p.buf.Bytes()[start:], []byte("\n"))))
					}
				}
				close(p.done)
			}
		}()
	}
	go func() {
		for from := 0; from < len(fs); from += findingsPerPart {
			p := &part{from: from, to: min(from+findingsPerPart, len(fs)), done: make(chan struct{})}
			order <- p // blocks while the writer is behind: memory stays bounded
			todo <- p
		}
		close(order)
		close(todo)
	}()
	var first error
	for p := range order {
		<-p.done
		if first == nil {
			if p.err != nil {
				first = p.err
			} else {
				w.Write(p.buf.Bytes())
			}
		}
	}
	return first
}

// encode writes v as the report encodes values: indented by two spaces
// after prefix, without HTML escaping, with a final newline.
func encode(w io.Writer, prefix string, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent(prefix, "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
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
