package report

import (
	"encoding/csv"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/onus-project/onus/internal/finding"
)

// CSV writes one row per finding (waived ones included) under a fixed
// header, as RFC 4180 with CRLF line ends, for spreadsheets. A cell that a
// spreadsheet would run as a formula (starting with =, +, -, @, tab or
// carriage return) is prefixed with an apostrophe.
type CSV struct{}

var _ Writer = CSV{}

// CSVColumns is the header of the CSV format. New columns are only ever
// added at the end.
var CSVColumns = []string{
	"rule", "title", "severity", "category", "layer", "owner", "service_model", "service", "team",
	"status", "file", "start_line", "end_line", "resource_address", "resource_type", "resource_name",
	"resource_kind", "resource_provider", "namespace", "message", "remediation", "controls",
	"waiver_source", "waiver_reason", "waiver_expires", "fingerprint",
}

// Write implements Writer.
func (CSV) Write(w io.Writer, r *Report) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(CSVColumns); err != nil {
		return err
	}
	for _, f := range r.Findings {
		var wsrc, wreason, wexp string
		if f.Waiver != nil {
			wsrc, wreason = f.Waiver.Source, f.Waiver.Reason
			if f.Waiver.Expires != nil {
				wexp = f.Waiver.Expires.Format("2006-01-02")
			}
		}
		row := []string{
			f.Rule, f.Title, string(f.Severity), string(f.Category), string(f.Layer), string(f.Owner),
			string(f.ServiceModel), f.Service, TeamName(f.Team), string(f.Status), f.Location.File,
			strconv.Itoa(f.Location.StartLine), strconv.Itoa(f.Location.EndLine), f.Resource.Address,
			f.Resource.Type, f.Resource.Name, string(f.Resource.Kind), f.Resource.Provider, f.Resource.Namespace,
			f.Message, strings.TrimSpace(f.Remediation), controlsCell(f), wsrc, wreason, wexp, f.Fingerprint,
		}
		for i, cell := range row {
			row[i] = defuse(cell)
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// controlsCell prints controls as "framework:id id; framework:id".
func controlsCell(f finding.Finding) string {
	fws := make([]string, 0, len(f.Controls))
	for fw := range f.Controls {
		fws = append(fws, fw)
	}
	sort.Strings(fws)
	parts := make([]string, 0, len(fws))
	for _, fw := range fws {
		parts = append(parts, fw+":"+strings.Join(f.Controls[fw], " "))
	}
	return strings.Join(parts, "; ")
}

// defuse keeps a cell from being read as a formula by spreadsheets.
func defuse(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}
