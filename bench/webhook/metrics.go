package main

import (
	"crypto/tls"
	"fmt"
	"math"
	"net/http"
	"sort"
	"time"

	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
)

// admitRoute is the route label of the webhook in the server's latency
// histogram.
const admitRoute = "POST /v1/admit"

// buckets are the cumulative counts of a histogram by upper bound.
type buckets map[float64]uint64

// serverHistogram reads the webhook's latency histogram from the
// server's /metrics: the time from the handler's start to its end, as the
// server measures it, summed over response codes.
func serverHistogram(base string) (buckets, error) {
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true}, // loopback, self-signed
	}}
	resp, err := client.Get(base + "/metrics")
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("/metrics: status %d", resp.StatusCode)
	}
	parser := expfmt.NewTextParser(model.UTF8Validation)
	families, err := parser.TextToMetricFamilies(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("/metrics: %w", err)
	}
	fam, ok := families["onus_http_request_duration_seconds"]
	if !ok {
		return nil, fmt.Errorf("/metrics has no onus_http_request_duration_seconds")
	}
	out := buckets{}
	for _, m := range fam.GetMetric() {
		route := ""
		for _, l := range m.GetLabel() {
			if l.GetName() == "route" {
				route = l.GetValue()
			}
		}
		if route != admitRoute || m.GetHistogram() == nil {
			continue
		}
		for _, b := range m.GetHistogram().GetBucket() {
			if !math.IsInf(b.GetUpperBound(), 1) { // the sample count below is that bucket
				out[b.GetUpperBound()] += b.GetCumulativeCount()
			}
		}
		out[math.Inf(1)] += m.GetHistogram().GetSampleCount()
	}
	return out, nil
}

// since returns the counts of the requests after earlier.
func (b buckets) since(earlier buckets) buckets {
	out := buckets{}
	for le, n := range b {
		out[le] = n - earlier[le]
	}
	return out
}

// quantile estimates the q-quantile as Prometheus' histogram_quantile
// does: linear within the bucket that holds it. A quantile in the last,
// unbounded bucket is reported as the largest finite bound, with ok false.
func (b buckets) quantile(q float64) (d time.Duration, ok bool) {
	bounds := make([]float64, 0, len(b))
	for le := range b {
		bounds = append(bounds, le)
	}
	sort.Float64s(bounds)
	if len(bounds) == 0 || b[math.Inf(1)] == 0 {
		return 0, false
	}
	rank := q * float64(b[math.Inf(1)])
	lower, below := 0.0, uint64(0)
	for _, le := range bounds {
		n := b[le]
		if float64(n) >= rank {
			if math.IsInf(le, 1) {
				return seconds(lower), false
			}
			frac := (rank - float64(below)) / float64(n-below)
			return seconds(lower + (le-lower)*frac), true
		}
		lower, below = le, n
	}
	return seconds(lower), false
}

func seconds(s float64) time.Duration { return time.Duration(s * float64(time.Second)) }

// format prints a quantile, marking one past the histogram's last bound.
func (b buckets) format(q float64) string {
	d, ok := b.quantile(q)
	if !ok {
		return "> " + d.String()
	}
	return d.Round(10 * time.Microsecond).String()
}
