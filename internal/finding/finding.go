// Package finding defines a finding: a policy's verdict on one resource,
// carrying every field of the public report contract.
package finding

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"
	"time"

	"github.com/onus-project/onus/internal/resource"
)

// ResourceRef names the resource a finding is about.
type ResourceRef struct {
	Address   string        `json:"address"`
	Type      string        `json:"type"`
	Name      string        `json:"name"`
	Kind      resource.Kind `json:"kind"`
	Provider  string        `json:"provider"`
	Namespace string        `json:"namespace,omitempty"`
	Module    string        `json:"module,omitempty"`
}

// Location is where a finding points: relative file and 1-based lines.
type Location struct {
	File        string `json:"file"`
	StartLine   int    `json:"start_line"`
	EndLine     int    `json:"end_line"`
	StartColumn int    `json:"start_column,omitempty"`
}

// Waiver records why a finding is waived.
type Waiver struct {
	Source string `json:"source"` // "inline" or "file"
	// File and Line are where the waiver is written.
	File     string     `json:"file,omitempty"`
	Line     int        `json:"line,omitempty"`
	Reason   string     `json:"reason,omitempty"`
	Approver string     `json:"approver,omitempty"`
	Ticket   string     `json:"ticket,omitempty"`
	Expires  *time.Time `json:"expires,omitempty"`
}

// Finding is one failed check on one resource.
type Finding struct {
	Rule         string              `json:"rule"`
	Title        string              `json:"title"`
	Severity     Severity            `json:"severity"`
	Category     Category            `json:"category"`
	Layer        Layer               `json:"layer"`
	Owner        Owner               `json:"owner"`
	ServiceModel ServiceModel        `json:"service_model"`
	Service      string              `json:"service"`
	Team         string              `json:"team"`
	Resource     ResourceRef         `json:"resource"`
	Location     Location            `json:"location"`
	Path         string              `json:"path,omitempty"`
	Message      string              `json:"message"`
	Remediation  string              `json:"remediation"`
	Controls     map[string][]string `json:"controls"`
	Status       Status              `json:"status"`
	Waiver       *Waiver             `json:"waiver,omitempty"`
	Fingerprint  string              `json:"fingerprint"`
	// Baseline is true when the finding was already in the baseline report
	// (--baseline): it is kept in the report but does not fail the scan.
	Baseline bool `json:"baseline,omitempty"`
	// Details carries policy-specific facts (advisory ids, fixed versions).
	Details map[string]any `json:"details,omitempty"`
	// Labels of the resource, kept for ownership rules; not in the report.
	Labels map[string]string `json:"-"`
	// ResourceID is the scan-unique id of the resource; not in the report.
	ResourceID string `json:"-"`
}

// ComputeFingerprint sets a fingerprint that survives edits around the
// finding: it hashes the rule, the file, the resource kind and address and
// the attribute path, but no line numbers (lines move when lines are added
// above) and not the message. Messages are prose that quote values and
// change with onus releases; a reworded message, or a new value in an
// attribute already failing, is the same problem and must not turn a
// baselined finding into a new one. Two findings of one rule on one
// attribute share a fingerprint; baselines count them (report.Baseline).
func (f *Finding) ComputeFingerprint() {
	h := sha256.New()
	for _, s := range []string{f.Rule, f.Location.File, string(f.Resource.Kind), f.Resource.Address, f.Path} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	f.Fingerprint = hex.EncodeToString(h.Sum(nil))[:32]
}

// Sort orders findings by file, line, rule and address, so output is stable.
func Sort(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := &fs[i], &fs[j]
		if a.Location.File != b.Location.File {
			return a.Location.File < b.Location.File
		}
		if a.Location.StartLine != b.Location.StartLine {
			return a.Location.StartLine < b.Location.StartLine
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		if c := strings.Compare(a.Resource.Address, b.Resource.Address); c != 0 {
			return c < 0
		}
		return a.Message < b.Message
	})
}
