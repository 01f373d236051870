package cli

import (
	"fmt"
	"io"
	"sync"
	"time"
)

// progressDelay is how long a scan runs before its progress is shown: a
// quick scan prints nothing extra.
const progressDelay = 700 * time.Millisecond

// progressTick is how often the line is redrawn.
const progressTick = 120 * time.Millisecond

var spinner = []string{"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"}

// progress draws one status line on a terminal ("⠹ onus: loaded 120/2000
// files") once a scan has run longer than a moment, redraws it until the
// scan ends, then erases it. It is only used when stderr is a terminal.
type progress struct {
	w     io.Writer
	stop  chan struct{}
	ended sync.WaitGroup

	mu          sync.Mutex
	done, total int
	drawn       bool
}

// startProgress starts drawing on w after delay.
func startProgress(w io.Writer, delay time.Duration) *progress {
	p := &progress{w: w, stop: make(chan struct{})}
	p.ended.Add(1)
	go p.run(delay)
	return p
}

// update records how many inputs are loaded (scan.Options.Progress).
func (p *progress) update(done, total int) {
	p.mu.Lock()
	p.done, p.total = done, total
	p.mu.Unlock()
}

func (p *progress) run(delay time.Duration) {
	defer p.ended.Done()
	select {
	case <-p.stop:
		return
	case <-time.After(delay):
	}
	tick := time.NewTicker(progressTick)
	defer tick.Stop()
	for frame := 0; ; frame++ {
		p.draw(spinner[frame%len(spinner)])
		select {
		case <-p.stop:
			return
		case <-tick.C:
		}
	}
}

func (p *progress) draw(frame string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	msg := "discovering files"
	switch {
	case p.total > 0 && p.done < p.total:
		msg = fmt.Sprintf("loaded %d/%d files", p.done, p.total)
	case p.total > 0:
		msg = fmt.Sprintf("loaded %d files; evaluating policies", p.total)
	}
	fmt.Fprintf(p.w, "\r\x1b[K%s onus: %s…", frame, msg)
	p.drawn = true
}

// finish stops drawing and erases the line, before the report is written.
func (p *progress) finish() {
	close(p.stop)
	p.ended.Wait()
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drawn {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}

// updater returns the callback scan.Options.Progress takes; nil without a
// progress line.
func (p *progress) updater() func(done, total int) {
	if p == nil {
		return nil
	}
	return p.update
}

// end finishes the line, if there is one.
func (p *progress) end() {
	if p != nil {
		p.finish()
	}
}
