package estate

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/onus-project/onus/internal/finding"
	"github.com/onus-project/onus/internal/report"
	"github.com/onus-project/onus/internal/store"
)

func header(id int64, repo string, at time.Time, failed, critical int) store.ReportHeader {
	return store.ReportHeader{ID: id, ReportMeta: store.ReportMeta{Repository: repo}, UploadedAt: at,
		Summary: report.Summary{Failed: failed, BySeverity: map[finding.Severity]int{finding.Critical: critical}, ByOwner: map[finding.Owner]int{finding.Customer: failed}}}
}

func TestTrendPoints(t *testing.T) {
	d1 := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	d2 := d1.Add(24 * time.Hour)
	d4 := d1.Add(72 * time.Hour)
	hs := []store.ReportHeader{ // newest first, as ListReports gives them
		header(5, "b", d4, 1, 0),
		header(4, "a", d2.Add(time.Hour), 2, 1),
		header(3, "a", d2, 7, 3),
		header(2, "b", d1.Add(time.Hour), 5, 0),
		header(1, "a", d1, 10, 4),
	}
	type pt struct {
		Day              string
		Failed, Critical int
	}
	var got []pt
	for _, p := range TrendPoints(hs, ByDay) {
		got = append(got, pt{p.Day, p.Failed, p.BySeverity[finding.Critical]})
	}
	// each day is the estate at its end: the newest report of every
	// repository so far, a repository without an upload that day included
	want := []pt{{"2026-03-01", 15, 4}, {"2026-03-02", 7, 1}, {"2026-03-04", 3, 1}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("by day (-want +got):\n%s", diff)
	}
	up := TrendPoints(hs, ByUpload)
	if len(up) != 5 || up[0].ReportID != 1 || up[4].ReportID != 5 || up[2].Failed != 7 || up[2].Repository != "a" {
		t.Errorf("by upload = %+v", up)
	}
	if len(TrendPoints(nil, ByDay)) != 0 {
		t.Errorf("no reports should give no points")
	}
	if hs[0].ID != 5 {
		t.Errorf("TrendPoints reordered its input")
	}
}
