// Package estate answers the questions the API and the dashboard share,
// over the stored reports: the responsibility matrix of the estate as it is
// now, and how the findings evolved.
package estate

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"time"

	"github.com/onus-project/onus/internal/finding"
	"github.com/onus-project/onus/internal/store"
)

// Matrix is the estate's responsibility matrix over the newest report of
// each repository.
type Matrix struct {
	Services []Service    `json:"services"`
	Layers   []string     `json:"layers"`
	Cells    []store.Cell `json:"cells"`
	// Reports are the ids of the reports read.
	Reports []int64 `json:"reports"`
}

// Service is one row of the matrix.
type Service struct {
	ID    string               `json:"id"`
	Model finding.ServiceModel `json:"service_model"`
}

// LatestMatrix merges the matrices of the newest report of every
// repository matching f.
func LatestMatrix(ctx context.Context, st store.Store, f store.ReportFilter) (*Matrix, error) {
	latest, err := st.LatestReports(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("matrix: %w", err)
	}
	m := &Matrix{Cells: store.MergeCells(latest), Reports: []int64{}, Services: []Service{}}
	for _, l := range finding.Layers {
		m.Layers = append(m.Layers, string(l))
	}
	for _, r := range latest {
		m.Reports = append(m.Reports, r.ID)
	}
	seen := map[string]bool{}
	for _, c := range m.Cells {
		if !seen[c.Service] {
			seen[c.Service] = true
			m.Services = append(m.Services, Service{ID: c.Service, Model: c.ServiceModel})
		}
	}
	return m, nil
}

// Cell returns the cell of a service and layer, or nil.
func (m *Matrix) Cell(service, layer string) *store.Cell {
	for i := range m.Cells {
		if m.Cells[i].Service == service && string(m.Cells[i].Layer) == layer {
			return &m.Cells[i]
		}
	}
	return nil
}

// Point is the state of the estate at one moment.
type Point struct {
	// Time is the upload time (by upload) or the end of the UTC day (by day).
	Time time.Time `json:"time"`
	// Day is YYYY-MM-DD (by day).
	Day string `json:"day,omitempty"`
	// ReportID and Repository name the upload (by upload).
	ReportID   int64                    `json:"report_id,omitempty"`
	Repository string                   `json:"repository,omitempty"`
	Failed     int                      `json:"failed"`
	Waived     int                      `json:"waived"`
	Gaps       int                      `json:"gaps"`
	BySeverity map[finding.Severity]int `json:"by_severity"`
	ByOwner    map[finding.Owner]int    `json:"by_owner"`
	ByTeam     map[string]int           `json:"by_team"`
}

// Granularity of a trend.
const (
	ByDay    = "day"
	ByUpload = "upload"
)

// MaxTrendReports bounds the reports a trend reads.
const MaxTrendReports = store.MaxLimit

// Trends returns the findings over time. By upload, each point is one
// uploaded report's own counts. By day, each point is the whole estate at
// the end of a day with uploads: the sum over repositories of each one's
// newest report so far, so a repository that did not upload that day still
// counts with its last state.
func Trends(ctx context.Context, st store.Store, f store.ReportFilter, by string) ([]Point, error) {
	f.Limit = MaxTrendReports
	hs, err := st.ListReports(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("trends: %w", err)
	}
	return TrendPoints(hs, by), nil
}

// TrendPoints computes the points of Trends from report headers.
func TrendPoints(hs []store.ReportHeader, by string) []Point {
	hs = slices.Clone(hs)
	sort.Slice(hs, func(i, j int) bool { return hs[i].ID < hs[j].ID })
	out := []Point{}
	if by == ByUpload {
		for _, h := range hs {
			p := newPoint(h.UploadedAt)
			p.ReportID, p.Repository = h.ID, h.Repository
			p.add(h)
			out = append(out, p)
		}
		return out
	}
	latest := map[string]store.ReportHeader{}
	flush := func(day string, end time.Time) {
		p := newPoint(end)
		p.Day = day
		for _, h := range latest {
			p.add(h)
		}
		out = append(out, p)
	}
	day := ""
	for _, h := range hs {
		d := h.UploadedAt.UTC().Format(time.DateOnly)
		if day != "" && d != day {
			flush(day, endOfDay(day))
		}
		day = d
		latest[h.Repository] = h
	}
	if day != "" {
		flush(day, endOfDay(day))
	}
	return out
}

func endOfDay(day string) time.Time {
	t, _ := time.Parse(time.DateOnly, day)
	return t.Add(24*time.Hour - time.Second)
}

func newPoint(t time.Time) Point {
	return Point{Time: t.UTC(), BySeverity: map[finding.Severity]int{}, ByOwner: map[finding.Owner]int{}, ByTeam: map[string]int{}}
}

func (p *Point) add(h store.ReportHeader) {
	s := h.Summary
	p.Failed += s.Failed
	p.Waived += s.Waived
	p.Gaps += s.Gaps
	for k, v := range s.BySeverity {
		p.BySeverity[k] += v
	}
	for k, v := range s.ByOwner {
		p.ByOwner[k] += v
	}
	for k, v := range s.ByTeam {
		p.ByTeam[k] += v
	}
}
