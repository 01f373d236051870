package admission

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/onus-project/onus/internal/store"
)

// Recorder writes decisions to the store in the background, in batches
// (one transaction each), so that admission latency does not include a
// database write. When its queue is full it drops decisions and counts
// them rather than slowing the cluster down.
type Recorder struct {
	st      store.Store
	log     *slog.Logger
	queue   chan store.Decision
	dropped prometheus.Counter
	done    chan struct{}

	mu     sync.RWMutex // guards closed against Record racing Close
	closed bool
}

// RecorderOptions tune a Recorder; zero values take defaults.
type RecorderOptions struct {
	Queue      int           // default 4096
	Batch      int           // default 256
	Interval   time.Duration // longest a decision waits; default 250ms
	Logger     *slog.Logger
	Registerer prometheus.Registerer
}

// NewRecorder starts a recorder; Close flushes and stops it.
func NewRecorder(st store.Store, o RecorderOptions) (*Recorder, error) {
	if o.Queue <= 0 {
		o.Queue = 4096
	}
	if o.Batch <= 0 {
		o.Batch = 256
	}
	if o.Interval <= 0 {
		o.Interval = 250 * time.Millisecond
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	r := &Recorder{st: st, log: o.Logger, queue: make(chan store.Decision, o.Queue), done: make(chan struct{}),
		dropped: prometheus.NewCounter(prometheus.CounterOpts{Name: "onus_admission_decisions_dropped_total", Help: "Decisions not recorded because the audit queue was full."})}
	if o.Registerer != nil {
		if err := o.Registerer.Register(r.dropped); err != nil {
			return nil, err
		}
	}
	go r.run(o.Batch, o.Interval)
	return r, nil
}

// Record queues a decision; it never blocks. After Close it drops the
// decision (a request that outlived the shutdown timeout).
func (r *Recorder) Record(d store.Decision) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	if r.closed {
		r.dropped.Inc()
		return
	}
	select {
	case r.queue <- d:
	default:
		r.dropped.Inc()
		r.log.Warn("audit queue full: decision not recorded", "uid", d.UID)
	}
}

func (r *Recorder) run(batch int, interval time.Duration) {
	defer close(r.done)
	tick := time.NewTicker(interval)
	defer tick.Stop()
	buf := make([]store.Decision, 0, batch)
	flush := func() {
		if len(buf) == 0 {
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		if err := r.st.RecordDecisions(ctx, buf); err != nil {
			r.log.Error("record admission decisions", "error", err, "count", len(buf))
		}
		cancel()
		buf = buf[:0]
	}
	for {
		select {
		case d, ok := <-r.queue:
			if !ok {
				flush()
				return
			}
			buf = append(buf, d)
			if len(buf) >= batch {
				flush()
			}
		case <-tick.C:
			flush()
		}
	}
}

// Close records what is queued and stops.
func (r *Recorder) Close(ctx context.Context) error {
	r.mu.Lock()
	if !r.closed {
		r.closed = true
		close(r.queue)
	}
	r.mu.Unlock()
	select {
	case <-r.done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
