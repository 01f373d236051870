// Package postgres is the store for several replicas: PostgreSQL through
// pgx/v5 and a pgxpool connection pool. Migrations run under an advisory
// lock, so replicas starting together apply each one exactly once.
package postgres

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/onus-project/onus/internal/report"
	"github.com/onus-project/onus/internal/store"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// migrationLock is the advisory lock key held while migrating.
const migrationLock = 0x6f6e7573 // "onus"

// Store is a PostgreSQL-backed store.Store.
type Store struct {
	pool *pgxpool.Pool
}

var _ store.Store = (*Store)(nil)

// Open connects to dsn (a postgres:// URL or key=value string) and applies
// pending migrations.
func Open(ctx context.Context, dsn string) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	s := &Store{pool: pool}
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	return s, nil
}

func (s *Store) migrate(ctx context.Context) error {
	ms, err := store.Migrations(migrationFS, "migrations")
	if err != nil {
		return err
	}
	return s.tx(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(migrationLock)); err != nil {
			return fmt.Errorf("lock migrations: %w", err)
		}
		if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)`); err != nil {
			return fmt.Errorf("create schema_migrations: %w", err)
		}
		var current int
		if err := tx.QueryRow(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
			return fmt.Errorf("read schema version: %w", err)
		}
		if current > len(ms) {
			return fmt.Errorf("the database schema is version %d, newer than this onus (%d): upgrade onus", current, len(ms))
		}
		for _, m := range ms[current:] {
			if _, err := tx.Exec(ctx, m.SQL, pgx.QueryExecModeSimpleProtocol); err != nil {
				return fmt.Errorf("migration %04d_%s: %w", m.Version, m.Name, err)
			}
			if _, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, now())`, m.Version, m.Name); err != nil {
				return fmt.Errorf("record migration: %w", err)
			}
		}
		return nil
	})
}

// tx runs fn in one transaction, committing when it returns nil.
func (s *Store) tx(ctx context.Context, fn func(pgx.Tx) error) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback(ctx)
		return err
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

func ph(n int) string { return "$" + strconv.Itoa(n) }

// Ping implements store.Store.
func (s *Store) Ping(ctx context.Context) error { return s.pool.Ping(ctx) }

// Close implements store.Store.
func (s *Store) Close() error {
	s.pool.Close()
	return nil
}

// SaveReport implements store.Store.
func (s *Store) SaveReport(ctx context.Context, meta store.ReportMeta, rep *report.Report) (int64, error) {
	doc, err := json.Marshal(rep)
	if err != nil {
		return 0, fmt.Errorf("encode report: %w", err)
	}
	summary, _ := json.Marshal(rep.Summary)
	matrix, _ := json.Marshal(store.Cells(rep))
	var id int64
	err = s.tx(ctx, func(tx pgx.Tx) error {
		err := tx.QueryRow(ctx, `INSERT INTO reports (repository, branch, commit_sha, uploaded_at, generated_at, tool_name, tool_version, summary, matrix, document)
			VALUES ($1, $2, $3, now(), $4, $5, $6, $7, $8, $9) RETURNING id`,
			meta.Repository, meta.Branch, meta.Commit, rep.GeneratedAt, rep.Tool.Name, rep.Tool.Version,
			json.RawMessage(summary), json.RawMessage(matrix), json.RawMessage(doc)).Scan(&id)
		if err != nil {
			return fmt.Errorf("insert report: %w", err)
		}
		rows := make([][]any, 0, len(rep.Findings))
		for i := range rep.Findings {
			f := &rep.Findings[i]
			data, err := json.Marshal(f)
			if err != nil {
				return fmt.Errorf("encode finding: %w", err)
			}
			row := append([]any{id, meta.Repository}, store.FindingColumns(f)...)
			rows = append(rows, append(row, json.RawMessage(data)))
		}
		cols := []string{"report_id", "repository", "rule", "severity", "severity_rank", "category", "layer", "owner", "team",
			"service", "service_model", "status", "resource", "file", "line", "message", "fingerprint", "data"}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"findings"}, cols, pgx.CopyFromRows(rows)); err != nil {
			return fmt.Errorf("insert findings: %w", err)
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("save report: %w", err)
	}
	return id, nil
}

const headerCols = `r.id, r.repository, r.branch, r.commit_sha, r.uploaded_at, r.generated_at, r.tool_name, r.tool_version, r.summary, r.matrix`

func scanHeader(row pgx.Row, extra ...any) (store.ReportHeader, error) {
	var h store.ReportHeader
	var summary, matrix []byte
	dest := append([]any{&h.ID, &h.Repository, &h.Branch, &h.Commit, &h.UploadedAt, &h.GeneratedAt, &h.Tool.Name, &h.Tool.Version, &summary, &matrix}, extra...)
	if err := row.Scan(dest...); err != nil {
		return h, err
	}
	h.UploadedAt, h.GeneratedAt = h.UploadedAt.UTC(), h.GeneratedAt.UTC()
	if err := json.Unmarshal(summary, &h.Summary); err != nil {
		return h, fmt.Errorf("decode summary of report %d: %w", h.ID, err)
	}
	if err := json.Unmarshal(matrix, &h.Matrix); err != nil {
		return h, fmt.Errorf("decode matrix of report %d: %w", h.ID, err)
	}
	return h, nil
}

// GetReport implements store.Store.
func (s *Store) GetReport(ctx context.Context, id int64) (*store.Report, error) {
	var doc []byte
	h, err := scanHeader(s.pool.QueryRow(ctx, `SELECT `+headerCols+`, r.document FROM reports r WHERE r.id = $1`, id), &doc)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("report %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("get report %d: %w", id, err)
	}
	var rep report.Report
	if err := json.Unmarshal(doc, &rep); err != nil {
		return nil, fmt.Errorf("decode report %d: %w", id, err)
	}
	return &store.Report{ReportHeader: h, Document: &rep}, nil
}

func (s *Store) headers(ctx context.Context, query string, args ...any) ([]store.ReportHeader, error) {
	rows, err := s.pool.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []store.ReportHeader{}
	for rows.Next() {
		h, err := scanHeader(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

// ListReports implements store.Store.
func (s *Store) ListReports(ctx context.Context, f store.ReportFilter) ([]store.ReportHeader, error) {
	where, args := store.ReportWhere(f, ph)
	out, err := s.headers(ctx, `SELECT `+headerCols+` FROM reports r `+where+` ORDER BY r.id DESC LIMIT `+strconv.Itoa(store.Clamp(f.Limit)), args...)
	if err != nil {
		return nil, fmt.Errorf("list reports: %w", err)
	}
	return out, nil
}

// LatestReports implements store.Store.
func (s *Store) LatestReports(ctx context.Context, f store.ReportFilter) ([]store.ReportHeader, error) {
	f.Before = 0
	where, args := store.ReportWhere(f, ph)
	out, err := s.headers(ctx, `SELECT `+headerCols+` FROM reports r WHERE r.id IN (SELECT MAX(r.id) FROM reports r `+where+` GROUP BY r.repository) ORDER BY r.repository`, args...)
	if err != nil {
		return nil, fmt.Errorf("latest reports: %w", err)
	}
	return out, nil
}

const findingCols = `f.id, f.report_id, f.repository, r.branch, r.commit_sha, r.uploaded_at, f.data`

func scanFinding(row pgx.Row) (store.FindingRecord, error) {
	var fr store.FindingRecord
	var data []byte
	if err := row.Scan(&fr.ID, &fr.ReportID, &fr.Repository, &fr.Branch, &fr.Commit, &fr.UploadedAt, &data); err != nil {
		return fr, err
	}
	fr.UploadedAt = fr.UploadedAt.UTC()
	if err := json.Unmarshal(data, &fr.Finding); err != nil {
		return fr, fmt.Errorf("decode finding %d: %w", fr.ID, err)
	}
	return fr, nil
}

// ListFindings implements store.Store.
func (s *Store) ListFindings(ctx context.Context, f store.FindingFilter) ([]store.FindingRecord, error) {
	where, args := store.FindingWhere(f, ph)
	q := `SELECT ` + findingCols + ` FROM findings f JOIN reports r ON r.id = f.report_id ` + where +
		` ORDER BY f.severity_rank, f.repository, f.file, f.line, f.id LIMIT ` + strconv.Itoa(store.Clamp(f.Limit)) + ` OFFSET ` + strconv.Itoa(max(0, f.Offset))
	rows, err := s.pool.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list findings: %w", err)
	}
	defer rows.Close()
	out := []store.FindingRecord{}
	for rows.Next() {
		fr, err := scanFinding(rows)
		if err != nil {
			return nil, fmt.Errorf("list findings: %w", err)
		}
		out = append(out, fr)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list findings: %w", err)
	}
	return out, nil
}

// GetFinding implements store.Store.
func (s *Store) GetFinding(ctx context.Context, id int64) (*store.FindingRecord, error) {
	fr, err := scanFinding(s.pool.QueryRow(ctx, `SELECT `+findingCols+` FROM findings f JOIN reports r ON r.id = f.report_id WHERE f.id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("finding %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("get finding %d: %w", id, err)
	}
	return &fr, nil
}

func insertToken(ctx context.Context, tx pgx.Tx, t *store.Token, ignoreDup bool) (bool, error) {
	if t.CreatedAt.IsZero() {
		t.CreatedAt = time.Now().UTC()
	}
	q := `INSERT INTO tokens (name, role, prefix, hash, created_at) VALUES ($1, $2, $3, $4, $5)`
	if ignoreDup {
		q += ` ON CONFLICT (hash) DO NOTHING`
	}
	err := tx.QueryRow(ctx, q+` RETURNING id`, t.Name, string(t.Role), t.Prefix, t.Hash, t.CreatedAt).Scan(&t.ID)
	if errors.Is(err, pgx.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("insert token: %w", err)
	}
	return true, nil
}

// CreateToken implements store.Store.
func (s *Store) CreateToken(ctx context.Context, t store.Token) (store.Token, error) {
	if !t.Role.Valid() {
		return t, fmt.Errorf("create token: unknown role %q", t.Role)
	}
	err := s.tx(ctx, func(tx pgx.Tx) error {
		_, err := insertToken(ctx, tx, &t, false)
		return err
	})
	return t, err
}

// EnsureToken implements store.Store.
func (s *Store) EnsureToken(ctx context.Context, t store.Token) error {
	return s.tx(ctx, func(tx pgx.Tx) error {
		_, err := insertToken(ctx, tx, &t, true)
		return err
	})
}

// Bootstrap implements store.Store.
func (s *Store) Bootstrap(ctx context.Context, t store.Token) (bool, error) {
	created := false
	err := s.tx(ctx, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `INSERT INTO settings (key, value) VALUES ('bootstrap', $1) ON CONFLICT (key) DO NOTHING`, time.Now().UTC().Format(time.RFC3339))
		if err != nil {
			return fmt.Errorf("bootstrap: %w", err)
		}
		if tag.RowsAffected() == 0 {
			return nil
		}
		created, err = insertToken(ctx, tx, &t, false)
		return err
	})
	return created, err
}

const tokenCols = `t.id, t.name, t.role, t.prefix, t.hash, t.created_at, t.revoked_at`

func scanToken(row pgx.Row, extra ...any) (store.Token, error) {
	var t store.Token
	var role string
	if err := row.Scan(append([]any{&t.ID, &t.Name, &role, &t.Prefix, &t.Hash, &t.CreatedAt, &t.RevokedAt}, extra...)...); err != nil {
		return t, err
	}
	t.Role, t.CreatedAt = store.Role(role), t.CreatedAt.UTC()
	if t.RevokedAt != nil {
		r := t.RevokedAt.UTC()
		t.RevokedAt = &r
	}
	return t, nil
}

// TokenByHash implements store.Store.
func (s *Store) TokenByHash(ctx context.Context, hash []byte) (*store.Token, error) {
	t, err := scanToken(s.pool.QueryRow(ctx, `SELECT `+tokenCols+` FROM tokens t WHERE t.hash = $1 AND t.revoked_at IS NULL`, hash))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("token: %w", store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("read token: %w", err)
	}
	return &t, nil
}

// ListTokens implements store.Store.
func (s *Store) ListTokens(ctx context.Context) ([]store.Token, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+tokenCols+` FROM tokens t ORDER BY t.id`)
	if err != nil {
		return nil, fmt.Errorf("list tokens: %w", err)
	}
	defer rows.Close()
	out := []store.Token{}
	for rows.Next() {
		t, err := scanToken(rows)
		if err != nil {
			return nil, fmt.Errorf("list tokens: %w", err)
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// RevokeToken implements store.Store.
func (s *Store) RevokeToken(ctx context.Context, id int64) error {
	return s.tx(ctx, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `UPDATE tokens SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1`, id)
		if err != nil {
			return fmt.Errorf("revoke token: %w", err)
		}
		if tag.RowsAffected() == 0 {
			return fmt.Errorf("token %d: %w", id, store.ErrNotFound)
		}
		if _, err := tx.Exec(ctx, `DELETE FROM sessions WHERE token_id = $1`, id); err != nil {
			return fmt.Errorf("end sessions: %w", err)
		}
		return nil
	})
}

// CreateSession implements store.Store.
func (s *Store) CreateSession(ctx context.Context, se store.Session) error {
	return s.tx(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `DELETE FROM sessions WHERE expires_at < now()`); err != nil {
			return fmt.Errorf("expire sessions: %w", err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO sessions (hash, token_id, created_at, expires_at) VALUES ($1, $2, $3, $4)`,
			se.Hash, se.TokenID, se.CreatedAt, se.ExpiresAt); err != nil {
			return fmt.Errorf("create session: %w", err)
		}
		return nil
	})
}

// SessionByHash implements store.Store.
func (s *Store) SessionByHash(ctx context.Context, hash []byte, now time.Time) (*store.Session, *store.Token, error) {
	var se store.Session
	t, err := scanToken(s.pool.QueryRow(ctx, `SELECT `+tokenCols+`, s.hash, s.token_id, s.created_at, s.expires_at
		FROM sessions s JOIN tokens t ON t.id = s.token_id
		WHERE s.hash = $1 AND s.expires_at > $2 AND t.revoked_at IS NULL`, hash, now), &se.Hash, &se.TokenID, &se.CreatedAt, &se.ExpiresAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil, fmt.Errorf("session: %w", store.ErrNotFound)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("read session: %w", err)
	}
	se.CreatedAt, se.ExpiresAt = se.CreatedAt.UTC(), se.ExpiresAt.UTC()
	return &se, &t, nil
}

// DeleteSession implements store.Store.
func (s *Store) DeleteSession(ctx context.Context, hash []byte) error {
	return s.tx(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `DELETE FROM sessions WHERE hash = $1`, hash); err != nil {
			return fmt.Errorf("delete session: %w", err)
		}
		return nil
	})
}

// RecordDecisions implements store.Store.
func (s *Store) RecordDecisions(ctx context.Context, ds []store.Decision) error {
	if len(ds) == 0 {
		return nil
	}
	rows := make([][]any, len(ds))
	for i, d := range ds {
		rules := d.Rules
		if rules == nil {
			rules = []string{}
		}
		rj, _ := json.Marshal(rules)
		rows[i] = []any{d.Time, d.UID, d.Operation, d.Kind, d.Namespace, d.Name, d.User, d.Action, d.Allowed, d.DryRun, json.RawMessage(rj), d.Message}
	}
	err := s.tx(ctx, func(tx pgx.Tx) error {
		_, err := tx.CopyFrom(ctx, pgx.Identifier{"decisions"},
			[]string{"time", "uid", "operation", "kind", "namespace", "name", "username", "action", "allowed", "dry_run", "rules", "message"},
			pgx.CopyFromRows(rows))
		return err
	})
	if err != nil {
		return fmt.Errorf("record decisions: %w", err)
	}
	return nil
}

// ListDecisions implements store.Store.
func (s *Store) ListDecisions(ctx context.Context, f store.DecisionFilter) ([]store.Decision, error) {
	q := `SELECT id, time, uid, operation, kind, namespace, name, username, action, allowed, dry_run, rules, message FROM decisions WHERE 1 = 1`
	var args []any
	if f.Namespace != "" {
		args = append(args, f.Namespace)
		q += ` AND namespace = ` + ph(len(args))
	}
	if f.Action != "" {
		args = append(args, f.Action)
		q += ` AND action = ` + ph(len(args))
	}
	if f.Before > 0 {
		args = append(args, f.Before)
		q += ` AND id < ` + ph(len(args))
	}
	rows, err := s.pool.Query(ctx, q+` ORDER BY id DESC LIMIT `+strconv.Itoa(store.Clamp(f.Limit)), args...)
	if err != nil {
		return nil, fmt.Errorf("list decisions: %w", err)
	}
	defer rows.Close()
	out := []store.Decision{}
	for rows.Next() {
		var d store.Decision
		var rules []byte
		if err := rows.Scan(&d.ID, &d.Time, &d.UID, &d.Operation, &d.Kind, &d.Namespace, &d.Name, &d.User, &d.Action, &d.Allowed, &d.DryRun, &rules, &d.Message); err != nil {
			return nil, fmt.Errorf("list decisions: %w", err)
		}
		d.Time = d.Time.UTC()
		if err := json.Unmarshal(rules, &d.Rules); err != nil {
			return nil, fmt.Errorf("decode decision %d: %w", d.ID, err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}
