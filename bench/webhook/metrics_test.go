package main

import (
	"math"
	"testing"
	"time"
)

// TestQuantile checks the estimate of a quantile from cumulative bucket
// counts: linear within the bucket that holds it, and marked when it lies
// past the last finite bound.
func TestQuantile(t *testing.T) {
	before := buckets{0.001: 10, 0.002: 10, 0.005: 10, math.Inf(1): 10}
	after := buckets{0.001: 60, 0.002: 100, 0.005: 110, math.Inf(1): 110}
	b := after.since(before) // 50 under 1 ms, 40 more under 2 ms, 10 under 5 ms
	for _, c := range []struct {
		q    float64
		want time.Duration
	}{{.5, time.Millisecond}, {.25, 500 * time.Microsecond}, {.9, 2 * time.Millisecond}, {.99, 4700 * time.Microsecond}} {
		got, ok := b.quantile(c.q)
		if !ok || (got-c.want).Abs() > time.Microsecond {
			t.Errorf("quantile(%v) = %v %v, want %v", c.q, got, ok, c.want)
		}
	}
	tail := buckets{0.001: 98, math.Inf(1): 100}
	if got, ok := tail.quantile(.99); ok || got != time.Millisecond {
		t.Errorf("quantile past the last bound = %v %v, want 1ms, false", got, ok)
	}
	if got := tail.format(.99); got != "> 1ms" {
		t.Errorf("format = %q", got)
	}
}
