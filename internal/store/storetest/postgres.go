package storetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
)

// PostgresDSN returns the PostgreSQL test database, skipping (or failing, when
// ONUS_REQUIRE_POSTGRES=1) when none is configured.
func PostgresDSN(t *testing.T) string {
	t.Helper()
	dsn := os.Getenv("ONUS_TEST_POSTGRES_DSN")
	if dsn == "" {
		msg := "PostgreSQL conformance tests need a database: set ONUS_TEST_POSTGRES_DSN, e.g. " +
			"ONUS_TEST_POSTGRES_DSN='postgres://postgres@localhost:5432/onus_test?sslmode=disable' go test ./internal/store/postgres/ " +
			"(bash .ci/run starts a throwaway PostgreSQL and sets it)"
		if os.Getenv("ONUS_REQUIRE_POSTGRES") == "1" {
			t.Fatal("ONUS_REQUIRE_POSTGRES=1 but " + msg)
		}
		t.Skip(msg)
	}
	return dsn
}

// FreshSchema creates an empty schema and returns a DSN whose search_path
// points at it, so every test starts from an empty database.
func FreshSchema(t *testing.T, dsn string) string {
	t.Helper()
	b := make([]byte, 6)
	rand.Read(b)
	schema := "onus_test_" + hex.EncodeToString(b)
	conn, err := pgx.Connect(t.Context(), dsn)
	if err != nil {
		t.Fatalf("connect to ONUS_TEST_POSTGRES_DSN: %v", err)
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(t.Context(), "CREATE SCHEMA "+schema); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		c, err := pgx.Connect(context.Background(), dsn)
		if err == nil {
			c.Exec(context.Background(), "DROP SCHEMA "+schema+" CASCADE")
			c.Close(context.Background())
		}
	})
	return withSearchPath(dsn, schema)
}

func withSearchPath(dsn, schema string) string {
	if u, err := url.Parse(dsn); err == nil && (u.Scheme == "postgres" || u.Scheme == "postgresql") {
		q := u.Query()
		q.Set("search_path", schema)
		u.RawQuery = q.Encode()
		return u.String()
	}
	return strings.TrimSpace(dsn) + " search_path=" + schema
}
