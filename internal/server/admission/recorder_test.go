package admission_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/onus-project/onus/internal/server/admission"
	"github.com/onus-project/onus/internal/server/servertest"
	"github.com/onus-project/onus/internal/store"
)

// TestRecorder flushes queued decisions on Close and drops (without
// panicking) decisions recorded after it.
func TestRecorder(t *testing.T) {
	st := servertest.SQLite(t)
	rec, err := admission.NewRecorder(st, admission.RecorderOptions{Interval: time.Hour, Batch: 1000})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rec.Record(store.Decision{Time: time.Now(), UID: string(rune('a' + i%26)), Action: "deny"})
		}()
	}
	wg.Wait()
	if err := rec.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	ds, err := st.ListDecisions(t.Context(), store.DecisionFilter{Limit: 100})
	if err != nil || len(ds) != 50 {
		t.Fatalf("after Close: %d decisions, %v; want all 50 flushed", len(ds), err)
	}
	rec.Record(store.Decision{UID: "late"})
	if err := rec.Close(context.Background()); err != nil {
		t.Errorf("a second Close: %v", err)
	}
}
