package web

import (
	"fmt"
	"strings"

	"github.com/onus-project/onus/internal/finding"
	"github.com/onus-project/onus/internal/server/estate"
)

// chart is an inline SVG line chart of findings by severity over time.
type chart struct {
	Width, Height int
	Left, Bottom  int
	Series        []series
	YTicks        []tick
	XTicks        []tick
	Empty         bool
}

type series struct {
	Name   string
	Class  string
	Points string
	Dots   []tick
	Last   int
}

type tick struct {
	X, Y  int
	Label string
}

func newChart(ps []estate.Point) *chart {
	c := &chart{Width: 720, Height: 240, Left: 40, Bottom: 210, Empty: len(ps) == 0}
	if c.Empty {
		return c
	}
	maxY := 1
	for _, p := range ps {
		maxY = max(maxY, p.Failed)
	}
	plotW, plotH := c.Width-c.Left-20, c.Bottom-20
	x := func(i int) int {
		if len(ps) == 1 {
			return c.Left + plotW/2
		}
		return c.Left + i*plotW/(len(ps)-1)
	}
	y := func(v int) int { return c.Bottom - v*plotH/maxY }
	line := func(name, class string, val func(estate.Point) int) {
		var b strings.Builder
		var dots []tick
		for i, p := range ps {
			fmt.Fprintf(&b, "%d,%d ", x(i), y(val(p)))
			dots = append(dots, tick{X: x(i), Y: y(val(p)), Label: fmt.Sprint(val(p))})
		}
		c.Series = append(c.Series, series{Name: name, Class: class, Points: strings.TrimSpace(b.String()), Dots: dots, Last: val(ps[len(ps)-1])})
	}
	line("all failing", "total", func(p estate.Point) int { return p.Failed })
	for _, s := range []finding.Severity{finding.Critical, finding.High, finding.Medium, finding.Low} {
		line(string(s), string(s), func(p estate.Point) int { return p.BySeverity[s] })
	}
	for _, v := range []int{0, maxY / 2, maxY} {
		c.YTicks = append(c.YTicks, tick{X: c.Left - 6, Y: y(v) + 4, Label: fmt.Sprint(v)})
	}
	step := max(1, len(ps)/6)
	for i := 0; i < len(ps); i += step {
		label := ps[i].Day
		if label == "" {
			label = ps[i].Time.Format("01-02 15:04")
		}
		c.XTicks = append(c.XTicks, tick{X: x(i), Y: c.Bottom + 16, Label: label})
	}
	return c
}
