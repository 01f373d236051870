package server

import (
	"runtime/debug"
	"strconv"
	"testing"
)

func TestTuneGC(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	if got := TuneGC(func(string) string { return "150" }); got != "150" || debug.SetGCPercent(100) != 100 {
		t.Errorf("with GOGC=150 set: %q, and the collector's target was changed", got)
	}
	if got := TuneGC(func(string) string { return "" }); got != strconv.Itoa(ServeGCPercent) || debug.SetGCPercent(100) != ServeGCPercent {
		t.Errorf("with GOGC unset: %q, want the target at %d", got, ServeGCPercent)
	}
}
