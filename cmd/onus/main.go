// Command onus turns the cloud shared responsibility model into code.
package main

import (
	"context"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime/debug"
	"runtime/metrics"
	"syscall"
	"time"

	"golang.org/x/term"

	"github.com/onus-project/onus/internal/cli"
)

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		go governMemory(softMemoryFloor, 100*time.Millisecond)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Execute(ctx, os.Args[1:], &cli.Env{
		Stdin:  os.Stdin,
		Stdout: os.Stdout,
		Stderr: os.Stderr,
		Getenv: os.Getenv,
		IsTerminal: func(w io.Writer) bool {
			f, ok := w.(*os.File)
			return ok && term.IsTerminal(int(f.Fd()))
		},
		Logger: logger(),
	})
	stop()
	os.Exit(code)
}

// softMemoryFloor is the soft memory limit onus sets when GOMEMLIMIT is
// unset.
const softMemoryFloor = 256 << 20

// governMemory keeps a soft memory limit of twice the live heap, and never
// less than floor. Without a limit the Go runtime lets garbage grow to the
// size of the live heap and returns freed memory to the system lazily, so a
// scan of a few thousand manifests (about 130 MiB live) peaks near 400 MiB
// of resident memory; with the limit it stays under 300 MiB. Following the
// live heap keeps large estates, whose live data alone exceeds the floor,
// at the runtime's usual pace (GOGC=100) instead of collecting without
// pause. The limit follows the lowest live heap of the last liveWindow
// samples, so that a brief peak (the end of an evaluation, when the
// estate and all the findings are both live) does not lift it. GOMEMLIMIT,
// when set, wins.
func governMemory(floor int64, every time.Duration) {
	debug.SetMemoryLimit(floor)
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	var recent [liveWindow]int64
	for i := 0; ; i++ {
		time.Sleep(every)
		metrics.Read(sample)
		if sample[0].Value.Kind() != metrics.KindUint64 {
			return
		}
		recent[i%liveWindow] = int64(sample[0].Value.Uint64())
		low := recent[0]
		for _, v := range recent[:min(i+1, liveWindow)] {
			low = min(low, v)
		}
		debug.SetMemoryLimit(max(floor, 2*low))
	}
}

// liveWindow is how many samples of the live heap governMemory takes the
// lowest of.
const liveWindow = 5

// logger writes operator logs to stderr when ONUS_LOG is set
// (debug, info, warn, error); otherwise they are discarded.
func logger() *slog.Logger {
	lvl := os.Getenv("ONUS_LOG")
	if lvl == "" {
		return slog.New(slog.DiscardHandler)
	}
	var level slog.Level
	if err := level.UnmarshalText([]byte(lvl)); err != nil {
		level = slog.LevelInfo
	}
	return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))
}
