package report

import (
	"fmt"
	"io"

	"github.com/onus-project/onus/internal/finding"
)

// Baseline holds the fingerprints of a previous report's findings, so that
// a scan reports only what is new (onus scan --baseline OLD.json).
type Baseline struct {
	// counts maps a fingerprint to how many findings had it.
	counts map[string]int
}

// ReadBaseline reads the findings of an onus/report@v1 JSON report.
func ReadBaseline(rd io.Reader) (*Baseline, error) {
	old, err := Read(rd)
	if err != nil {
		return nil, fmt.Errorf("read baseline: %w", err)
	}
	b := &Baseline{counts: map[string]int{}}
	for _, f := range old.Findings {
		if f.Fingerprint == "" {
			f.ComputeFingerprint()
		}
		b.counts[f.Fingerprint]++
	}
	return b, nil
}

// Len is the number of findings in the baseline.
func (b *Baseline) Len() int {
	n := 0
	for _, c := range b.counts {
		n += c
	}
	return n
}

// Mark sets Baseline on the findings the baseline already had: each
// baseline finding absorbs one current finding with its fingerprint, so a
// second copy of an old problem is new. It returns how many it marked.
func (b *Baseline) Mark(fs []finding.Finding) int {
	if b == nil {
		return 0
	}
	left := make(map[string]int, len(b.counts))
	for k, v := range b.counts {
		left[k] = v
	}
	n := 0
	for i := range fs {
		if left[fs[i].Fingerprint] > 0 {
			left[fs[i].Fingerprint]--
			fs[i].Baseline = true
			n++
		}
	}
	return n
}
