// Package source holds the positions, ranges and diagnostics every other
// package uses to point at users' input. It imports nothing from onus.
package source

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
)

// Pos is a 1-based position in a file. Byte is the 0-based byte offset.
type Pos struct {
	Line   int `json:"line"`
	Column int `json:"column"`
	Byte   int `json:"byte"`
}

// Range is a span of a file. Filename is relative to the scanned root.
type Range struct {
	Filename string `json:"filename"`
	Start    Pos    `json:"start"`
	End      Pos    `json:"end"`
}

// String prints the range as file:line:col.
func (r Range) String() string {
	if r.Start.Line == 0 {
		return r.Filename
	}
	if r.Start.Column == 0 {
		return fmt.Sprintf("%s:%d", r.Filename, r.Start.Line)
	}
	return fmt.Sprintf("%s:%d:%d", r.Filename, r.Start.Line, r.Start.Column)
}

// IsZero reports whether the range points nowhere.
func (r Range) IsZero() bool { return r.Filename == "" && r.Start.Line == 0 }

// Severity of a diagnostic.
type Severity string

const (
	Error   Severity = "error"
	Warning Severity = "warning"
)

// Diagnostic is a problem found in users' input (a file, a policy, a config).
type Diagnostic struct {
	Severity Severity `json:"severity"`
	Summary  string   `json:"summary"`
	Detail   string   `json:"detail,omitempty"`
	Subject  *Range   `json:"subject,omitempty"`
}

// Error formats the diagnostic as "file:line:col: summary: detail".
func (d *Diagnostic) Error() string {
	var b strings.Builder
	if d.Subject != nil {
		b.WriteString(d.Subject.String())
		b.WriteString(": ")
	}
	b.WriteString(d.Summary)
	if d.Detail != "" {
		b.WriteString(": ")
		b.WriteString(d.Detail)
	}
	return b.String()
}

// Errorf builds an error diagnostic at subject (which may be nil).
func Errorf(subject *Range, summary, format string, args ...any) *Diagnostic {
	return &Diagnostic{Severity: Error, Summary: summary, Detail: fmt.Sprintf(format, args...), Subject: subject}
}

// Warningf builds a warning diagnostic at subject (which may be nil).
func Warningf(subject *Range, summary, format string, args ...any) *Diagnostic {
	return &Diagnostic{Severity: Warning, Summary: summary, Detail: fmt.Sprintf(format, args...), Subject: subject}
}

// At returns a pointer to a range covering one position of file.
func At(file string, line, col int) *Range {
	p := Pos{Line: line, Column: col}
	return &Range{Filename: file, Start: p, End: p}
}

// Diagnostics is a list of diagnostics that behaves as an error when it
// holds at least one of severity Error.
type Diagnostics []*Diagnostic

// HasErrors reports whether any diagnostic is an error.
func (ds Diagnostics) HasErrors() bool {
	for _, d := range ds {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Err returns nil when no diagnostic is an error, else the list itself.
func (ds Diagnostics) Err() error {
	if !ds.HasErrors() {
		return nil
	}
	return ds
}

// Error joins the diagnostics one a line.
func (ds Diagnostics) Error() string {
	var lines []string
	for _, d := range ds {
		lines = append(lines, d.Error())
	}
	return strings.Join(lines, "\n")
}

// Sort orders diagnostics by file, line and column, stable for ties.
func (ds Diagnostics) Sort() {
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i].Subject, ds[j].Subject
		switch {
		case a == nil && b == nil:
			return false
		case a == nil:
			return true
		case b == nil:
			return false
		case a.Filename != b.Filename:
			return a.Filename < b.Filename
		case a.Start.Line != b.Start.Line:
			return a.Start.Line < b.Start.Line
		default:
			return a.Start.Column < b.Start.Column
		}
	})
}

// Files maps a path relative to the scanned root to its content, so reports
// can show snippets around a finding.
type Files map[string][]byte

// Lines returns lines [from, to] (1-based, inclusive) of file, clamped to
// what exists.
func (f Files) Lines(file string, from, to int) []string {
	b, ok := f[file]
	if !ok || from < 1 || from > to {
		return nil
	}
	// walk to line from without splitting the whole file: reports ask for
	// one line per finding, and files hold thousands
	start := 0
	for line := 1; line < from; line++ {
		i := bytes.IndexByte(b[start:], '\n')
		if i < 0 {
			return nil
		}
		start += i + 1
	}
	var out []string
	for line := from; line <= to; line++ {
		i := bytes.IndexByte(b[start:], '\n')
		if i < 0 {
			out = append(out, string(b[start:]))
			break
		}
		out = append(out, string(b[start:start+i]))
		start += i + 1
	}
	return out
}
