package server

import (
	"runtime/debug"
	"strconv"
)

// ServeGCPercent is the garbage collector's target for onus serve when
// GOGC is unset. The server's live heap is small and steady (the
// Kubernetes policies compiled, prepared queries, connection state: about
// 10 MB), while every admission request allocates about 100 KB. Requests
// that arrive while the collector marks wait longer (it takes a quarter of
// the cores, and the program runs slower meanwhile), so the tail of
// admission latency follows how often it runs: at 1,000 requests/s on two
// cores, p99 was 7-11 ms at GOGC=400 and 4-6 ms at 2000, where it collects
// every couple of seconds once the heap reaches about 200 MB. The heap
// stays bounded by the soft memory limit (GOMEMLIMIT, which the manifests
// set from the container's memory limit, or the one cmd/onus keeps: twice
// the live heap, at least 256 MiB), so a larger live heap (a burst of
// report uploads) is collected at the limit instead.
const ServeGCPercent = 2000

// TuneGC applies ServeGCPercent unless GOGC is set (getenv reads the
// environment), and returns the setting in effect, for the log.
func TuneGC(getenv func(string) string) string {
	if v := getenv("GOGC"); v != "" {
		return v
	}
	debug.SetGCPercent(ServeGCPercent)
	return strconv.Itoa(ServeGCPercent)
}
