// Package sqlite is the embedded store: one SQLite file through
// modernc.org/sqlite (pure Go, no cgo), in WAL mode with a busy timeout so
// readers never block the writer and concurrent writers wait their turn.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	_ "modernc.org/sqlite" // the database/sql driver "sqlite"

	"github.com/onus-project/onus/internal/report"
	"github.com/onus-project/onus/internal/store"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// Store is a SQLite-backed store.Store.
type Store struct {
	db *sql.DB
}

var _ store.Store = (*Store)(nil)

// BusyTimeout is how long a write waits for another writer.
const BusyTimeout = 10 * time.Second

// Open opens (creating if needed) the database file at path and applies
// pending migrations.
func Open(ctx context.Context, path string) (*Store, error) {
	path = strings.TrimPrefix(strings.TrimPrefix(path, "sqlite://"), "file:")
	if i := strings.IndexByte(path, '?'); i >= 0 {
		path = path[:i]
	}
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", BusyTimeout.Milliseconds()))
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	s := &Store{db: db}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	return s, nil
}

func (s *Store) migrate(ctx context.Context) error {
	ms, err := store.Migrations(migrationFS, "migrations")
	if err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`); err != nil {
			return fmt.Errorf("create schema_migrations: %w", err)
		}
		var current int
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
			return fmt.Errorf("read schema version: %w", err)
		}
		if current > len(ms) {
			return fmt.Errorf("the database schema is version %d, newer than this onus (%d): upgrade onus", current, len(ms))
		}
		for _, m := range ms[current:] {
			if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
				return fmt.Errorf("migration %04d_%s: %w", m.Version, m.Name, err)
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`, m.Version, m.Name, micros(time.Now())); err != nil {
				return fmt.Errorf("record migration: %w", err)
			}
		}
		return nil
	})
}

// tx runs fn in one transaction (BEGIN IMMEDIATE), committing when it
// returns nil.
func (s *Store) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

func micros(t time.Time) int64 { return t.UnixMicro() }

func fromMicros(v int64) time.Time { return time.UnixMicro(v).UTC() }

func ph(n int) string { return "?" + strconv.Itoa(n) }

// Ping implements store.Store.
func (s *Store) Ping(ctx context.Context) error {
	var one int
	return s.db.QueryRowContext(ctx, `SELECT 1`).Scan(&one)
}

// Close implements store.Store.
func (s *Store) Close() error { return s.db.Close() }

// SaveReport implements store.Store.
func (s *Store) SaveReport(ctx context.Context, meta store.ReportMeta, rep *report.Report) (int64, error) {
	doc, err := json.Marshal(rep)
	if err != nil {
		return 0, fmt.Errorf("encode report: %w", err)
	}
	summary, _ := json.Marshal(rep.Summary)
	matrix, _ := json.Marshal(store.Cells(rep))
	now := time.Now()
	var id int64
	err = s.tx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `INSERT INTO reports (repository, branch, commit_sha, uploaded_at, generated_at, tool_name, tool_version, summary, matrix, document)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			meta.Repository, meta.Branch, meta.Commit, micros(now), micros(rep.GeneratedAt), rep.Tool.Name, rep.Tool.Version,
			string(summary), string(matrix), string(doc)).Scan(&id)
		if err != nil {
			return fmt.Errorf("insert report: %w", err)
		}
		stmt, err := tx.PrepareContext(ctx, `INSERT INTO findings (report_id, repository, `+store.FindingColumnNames+`, data)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return fmt.Errorf("prepare findings: %w", err)
		}
		defer stmt.Close()
		for i := range rep.Findings {
			f := &rep.Findings[i]
			data, err := json.Marshal(f)
			if err != nil {
				return fmt.Errorf("encode finding: %w", err)
			}
			args := append([]any{id, meta.Repository}, store.FindingColumns(f)...)
			if _, err := stmt.ExecContext(ctx, append(args, string(data))...); err != nil {
				return fmt.Errorf("insert finding: %w", err)
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("save report: %w", err)
	}
	return id, nil
}

const headerCols = `r.id, r.repository, r.branch, r.commit_sha, r.uploaded_at, r.generated_at, r.tool_name, r.tool_version, r.summary, r.matrix`

type scanner interface{ Scan(...any) error }

func scanHeader(sc scanner, extra ...any) (store.ReportHeader, error) {
	var h store.ReportHeader
	var up, gen int64
	var summary, matrix string
	dest := append([]any{&h.ID, &h.Repository, &h.Branch, &h.Commit, &up, &gen, &h.Tool.Name, &h.Tool.Version, &summary, &matrix}, extra...)
	if err := sc.Scan(dest...); err != nil {
		return h, err
	}
	h.UploadedAt, h.GeneratedAt = fromMicros(up), fromMicros(gen)
	if err := json.Unmarshal([]byte(summary), &h.Summary); err != nil {
		return h, fmt.Errorf("decode summary of report %d: %w", h.ID, err)
	}
	if err := json.Unmarshal([]byte(matrix), &h.Matrix); err != nil {
		return h, fmt.Errorf("decode matrix of report %d: %w", h.ID, err)
	}
	return h, nil
}

// GetReport implements store.Store.
func (s *Store) GetReport(ctx context.Context, id int64) (*store.Report, error) {
	var doc string
	h, err := scanHeader(s.db.QueryRowContext(ctx, `SELECT `+headerCols+`, r.document FROM reports r WHERE r.id = ?`, id), &doc)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("report %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("get report %d: %w", id, err)
	}
	rep, err := report.Read(strings.NewReader(doc))
	if err != nil {
		return nil, fmt.Errorf("decode report %d: %w", id, err)
	}
	return &store.Report{ReportHeader: h, Document: rep}, nil
}

func (s *Store) headers(ctx context.Context, query string, args ...any) ([]store.ReportHeader, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
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

func scanFinding(sc scanner) (store.FindingRecord, error) {
	var fr store.FindingRecord
	var up int64
	var data string
	if err := sc.Scan(&fr.ID, &fr.ReportID, &fr.Repository, &fr.Branch, &fr.Commit, &up, &data); err != nil {
		return fr, err
	}
	fr.UploadedAt = fromMicros(up)
	if err := json.Unmarshal([]byte(data), &fr.Finding); err != nil {
		return fr, fmt.Errorf("decode finding %d: %w", fr.ID, err)
	}
	return fr, nil
}

// ListFindings implements store.Store.
func (s *Store) ListFindings(ctx context.Context, f store.FindingFilter) ([]store.FindingRecord, error) {
	where, args := store.FindingWhere(f, ph)
	q := `SELECT ` + findingCols + ` FROM findings f JOIN reports r ON r.id = f.report_id ` + where +
		` ORDER BY f.severity_rank, f.repository, f.file, f.line, f.id LIMIT ` + strconv.Itoa(store.Clamp(f.Limit)) + ` OFFSET ` + strconv.Itoa(max(0, f.Offset))
	rows, err := s.db.QueryContext(ctx, q, args...)
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
	fr, err := scanFinding(s.db.QueryRowContext(ctx, `SELECT `+findingCols+` FROM findings f JOIN reports r ON r.id = f.report_id WHERE f.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("finding %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("get finding %d: %w", id, err)
	}
	return &fr, nil
}

func insertToken(ctx context.Context, tx *sql.Tx, t *store.Token, ignoreDup bool) (bool, error) {
	if t.CreatedAt.IsZero() {
		t.CreatedAt = time.Now().UTC()
	}
	q := `INSERT INTO tokens (name, role, prefix, hash, created_at) VALUES (?, ?, ?, ?, ?)`
	if ignoreDup {
		q += ` ON CONFLICT (hash) DO NOTHING`
	}
	res, err := tx.ExecContext(ctx, q, t.Name, string(t.Role), t.Prefix, t.Hash, micros(t.CreatedAt))
	if err != nil {
		return false, fmt.Errorf("insert token: %w", err)
	}
	n, _ := res.RowsAffected()
	if n == 1 {
		t.ID, _ = res.LastInsertId()
	}
	return n == 1, nil
}

// CreateToken implements store.Store.
func (s *Store) CreateToken(ctx context.Context, t store.Token) (store.Token, error) {
	if !t.Role.Valid() {
		return t, fmt.Errorf("create token: unknown role %q", t.Role)
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		_, err := insertToken(ctx, tx, &t, false)
		return err
	})
	return t, err
}

// EnsureToken implements store.Store.
func (s *Store) EnsureToken(ctx context.Context, t store.Token) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := insertToken(ctx, tx, &t, true)
		return err
	})
}

// Bootstrap implements store.Store.
func (s *Store) Bootstrap(ctx context.Context, t store.Token) (bool, error) {
	created := false
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES ('bootstrap', ?) ON CONFLICT (key) DO NOTHING`, time.Now().UTC().Format(time.RFC3339))
		if err != nil {
			return fmt.Errorf("bootstrap: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil
		}
		created, err = insertToken(ctx, tx, &t, false)
		return err
	})
	return created, err
}

const tokenCols = `t.id, t.name, t.role, t.prefix, t.hash, t.created_at, t.revoked_at`

func scanToken(sc scanner, extra ...any) (store.Token, error) {
	var t store.Token
	var role string
	var created int64
	var revoked sql.NullInt64
	if err := sc.Scan(append([]any{&t.ID, &t.Name, &role, &t.Prefix, &t.Hash, &created, &revoked}, extra...)...); err != nil {
		return t, err
	}
	t.Role, t.CreatedAt = store.Role(role), fromMicros(created)
	if revoked.Valid {
		r := fromMicros(revoked.Int64)
		t.RevokedAt = &r
	}
	return t, nil
}

// TokenByHash implements store.Store.
func (s *Store) TokenByHash(ctx context.Context, hash []byte) (*store.Token, error) {
	t, err := scanToken(s.db.QueryRowContext(ctx, `SELECT `+tokenCols+` FROM tokens t WHERE t.hash = ? AND t.revoked_at IS NULL`, hash))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("token: %w", store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("read token: %w", err)
	}
	return &t, nil
}

// ListTokens implements store.Store.
func (s *Store) ListTokens(ctx context.Context) ([]store.Token, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+tokenCols+` FROM tokens t ORDER BY t.id`)
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
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?`, micros(time.Now()), id)
		if err != nil {
			return fmt.Errorf("revoke token: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("token %d: %w", id, store.ErrNotFound)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE token_id = ?`, id); err != nil {
			return fmt.Errorf("end sessions: %w", err)
		}
		return nil
	})
}

// CreateSession implements store.Store.
func (s *Store) CreateSession(ctx context.Context, se store.Session) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE expires_at < ?`, micros(time.Now())); err != nil {
			return fmt.Errorf("expire sessions: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO sessions (hash, token_id, created_at, expires_at) VALUES (?, ?, ?, ?)`,
			se.Hash, se.TokenID, micros(se.CreatedAt), micros(se.ExpiresAt)); err != nil {
			return fmt.Errorf("create session: %w", err)
		}
		return nil
	})
}

// SessionByHash implements store.Store.
func (s *Store) SessionByHash(ctx context.Context, hash []byte, now time.Time) (*store.Session, *store.Token, error) {
	var se store.Session
	var created, expires int64
	t, err := scanToken(s.db.QueryRowContext(ctx, `SELECT `+tokenCols+`, s.hash, s.token_id, s.created_at, s.expires_at
		FROM sessions s JOIN tokens t ON t.id = s.token_id
		WHERE s.hash = ? AND s.expires_at > ? AND t.revoked_at IS NULL`, hash, micros(now)), &se.Hash, &se.TokenID, &created, &expires)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, fmt.Errorf("session: %w", store.ErrNotFound)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("read session: %w", err)
	}
	se.CreatedAt, se.ExpiresAt = fromMicros(created), fromMicros(expires)
	return &se, &t, nil
}

// DeleteSession implements store.Store.
func (s *Store) DeleteSession(ctx context.Context, hash []byte) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE hash = ?`, hash); err != nil {
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
	err := s.tx(ctx, func(tx *sql.Tx) error {
		stmt, err := tx.PrepareContext(ctx, `INSERT INTO decisions (time, uid, operation, kind, namespace, name, username, action, allowed, dry_run, rules, message)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for _, d := range ds {
			rules, _ := json.Marshal(nonNil(d.Rules))
			if _, err := stmt.ExecContext(ctx, micros(d.Time), d.UID, d.Operation, d.Kind, d.Namespace, d.Name, d.User, d.Action, d.Allowed, d.DryRun, string(rules), d.Message); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("record decisions: %w", err)
	}
	return nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// ListDecisions implements store.Store.
func (s *Store) ListDecisions(ctx context.Context, f store.DecisionFilter) ([]store.Decision, error) {
	q := `SELECT id, time, uid, operation, kind, namespace, name, username, action, allowed, dry_run, rules, message FROM decisions WHERE 1 = 1`
	var args []any
	if f.Namespace != "" {
		args = append(args, f.Namespace)
		q += ` AND namespace = ?`
	}
	if f.Action != "" {
		args = append(args, f.Action)
		q += ` AND action = ?`
	}
	if f.Before > 0 {
		args = append(args, f.Before)
		q += ` AND id < ?`
	}
	rows, err := s.db.QueryContext(ctx, q+` ORDER BY id DESC LIMIT `+strconv.Itoa(store.Clamp(f.Limit)), args...)
	if err != nil {
		return nil, fmt.Errorf("list decisions: %w", err)
	}
	defer rows.Close()
	out := []store.Decision{}
	for rows.Next() {
		var d store.Decision
		var t int64
		var rules string
		if err := rows.Scan(&d.ID, &t, &d.UID, &d.Operation, &d.Kind, &d.Namespace, &d.Name, &d.User, &d.Action, &d.Allowed, &d.DryRun, &rules, &d.Message); err != nil {
			return nil, fmt.Errorf("list decisions: %w", err)
		}
		d.Time = fromMicros(t)
		if err := json.Unmarshal([]byte(rules), &d.Rules); err != nil {
			return nil, fmt.Errorf("decode decision %d: %w", d.ID, err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// DB returns the underlying database (for tests and maintenance).
func (s *Store) DB() *sql.DB { return s.db }
