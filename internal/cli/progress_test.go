package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for the progress goroutine.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestProgressDrawsThenErases(t *testing.T) {
	var buf syncBuffer
	p := startProgress(&buf, 0)
	p.update(3, 10)
	waitFor(t, func() bool { return strings.Contains(buf.String(), "loaded 3/10 files") })
	p.update(10, 10)
	waitFor(t, func() bool { return strings.Contains(buf.String(), "loaded 10 files; evaluating policies") })
	p.end()
	if out := buf.String(); !strings.HasSuffix(out, "\r\x1b[K") {
		t.Errorf("the line is not erased at the end: %q", out)
	}
}

func TestProgressQuickScanPrintsNothing(t *testing.T) {
	var buf syncBuffer
	p := startProgress(&buf, time.Hour)
	p.update(1, 1)
	p.end()
	if buf.String() != "" {
		t.Errorf("a quick scan printed %q", buf.String())
	}
	var none *progress // no terminal: no progress at all
	if none.updater() != nil {
		t.Error("a nil progress gives an updater")
	}
	none.end()
}

// On a terminal stderr the progress line goes to stderr, never stdout, and
// is erased before the report; elsewhere nothing is drawn.
func TestScanProgressOnlyOnTerminal(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "pod.yaml"), []byte("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - {name: c, image: x:1}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tty := range []bool{false, true} {
		var stdout bytes.Buffer
		var stderr syncBuffer
		env := &Env{Getenv: func(string) string { return "" }, IsTerminal: func(w io.Writer) bool { return tty && w == io.Writer(&stderr) }}
		p := newScanParams()
		if err := p.validate([]string{dir}, func(string) string { return "" }); err != nil {
			t.Fatal(err)
		}
		p.progressDelay = 0
		if _, err := runScan(t.Context(), p, env, &stdout, &stderr); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(stdout.String(), "onus: ") || strings.Contains(stdout.String(), "\r") {
			t.Errorf("progress reached stdout: %q", stdout.String())
		}
		errOut := stderr.String()
		switch {
		case !tty && errOut != "":
			t.Errorf("stderr is not a terminal but got %q", errOut)
		case tty && errOut != "" && !strings.HasSuffix(errOut, "\r\x1b[K"):
			t.Errorf("the progress line is not erased: %q", errOut)
		}
	}
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("timed out")
		}
		time.Sleep(10 * time.Millisecond)
	}
}
