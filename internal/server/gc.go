package server

import "runtime/debug"

// ServeGCPercent is the garbage collector's target for onus serve when
// GOGC is unset. A server's live heap is small and steady (the compiled
// policies, prepared queries, connection state), while every admission
// request allocates a little over 100 KB: at the default of 100 the
// collector runs several times a second under load and adds to every
// request's latency. At 400 it runs a quarter as often; the heap stays
// bounded by the soft memory limit (GOMEMLIMIT, which the manifests set
// from the container's memory limit, or the one cmd/onus keeps).
const ServeGCPercent = 400

// TuneGC applies ServeGCPercent unless GOGC is set (getenv reads the
// environment), and returns the setting in effect, for the log.
func TuneGC(getenv func(string) string) string {
	if v := getenv("GOGC"); v != "" {
		return v
	}
	debug.SetGCPercent(ServeGCPercent)
	return "400"
}
