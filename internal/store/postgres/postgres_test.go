package postgres_test

import (
	"context"
	"testing"

	"github.com/onus-project/onus/internal/store"
	"github.com/onus-project/onus/internal/store/postgres"
	"github.com/onus-project/onus/internal/store/storetest"
)

func TestConformance(t *testing.T) {
	dsn := storetest.PostgresDSN(t)
	storetest.Run(t, func(t *testing.T) storetest.Opener {
		d := storetest.FreshSchema(t, dsn)
		return func(ctx context.Context) (store.Store, error) { return postgres.Open(ctx, d) }
	})
}

func TestConcurrentMigrations(t *testing.T) {
	dsn := storetest.FreshSchema(t, storetest.PostgresDSN(t))
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			s, err := postgres.Open(t.Context(), dsn)
			if err == nil {
				s.Close()
			}
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Errorf("replicas migrating at once: %v", err)
		}
	}
}
