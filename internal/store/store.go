// Package store keeps what the server remembers: uploaded reports and their
// findings, API tokens, dashboard sessions and admission decisions. Store is
// the one interface; sqlite and postgres implement it, and storetest is the
// conformance suite both pass. Every method takes a context first, and every
// write is one transaction: when a method returns nil, the data is committed.
package store

import (
	"context"
	"errors"
	"time"

	"github.com/onus-project/onus/internal/finding"
	"github.com/onus-project/onus/internal/report"
)

// ErrNotFound is returned (wrapped) when a record does not exist.
var ErrNotFound = errors.New("not found")

// Store is the server's persistence. Implementations are safe for
// concurrent use, and several processes may share one database.
type Store interface {
	// Ping checks that the database answers.
	Ping(ctx context.Context) error
	// Close releases the connections.
	Close() error

	// SaveReport stores a report, its findings and the derived matrix in
	// one transaction and returns the new report's id.
	SaveReport(ctx context.Context, meta ReportMeta, rep *report.Report) (int64, error)
	// GetReport returns one report with its full document.
	GetReport(ctx context.Context, id int64) (*Report, error)
	// ListReports returns report headers, newest first.
	ListReports(ctx context.Context, f ReportFilter) ([]ReportHeader, error)
	// LatestReports returns the headers of the newest report of every
	// repository (optionally of one repository or branch).
	LatestReports(ctx context.Context, f ReportFilter) ([]ReportHeader, error)
	// ListFindings returns findings matching f, most severe first.
	ListFindings(ctx context.Context, f FindingFilter) ([]FindingRecord, error)
	// GetFinding returns one stored finding.
	GetFinding(ctx context.Context, id int64) (*FindingRecord, error)

	// CreateToken stores a token (by hash) and returns it with its id.
	CreateToken(ctx context.Context, t Token) (Token, error)
	// EnsureToken stores t unless a token with the same hash exists.
	EnsureToken(ctx context.Context, t Token) error
	// Bootstrap stores t only if no token was ever bootstrapped; created
	// says whether this call did it. Several replicas starting at once
	// create exactly one.
	Bootstrap(ctx context.Context, t Token) (created bool, err error)
	// TokenByHash returns the live (not revoked) token with this hash.
	TokenByHash(ctx context.Context, hash []byte) (*Token, error)
	// ListTokens returns every token, revoked ones included.
	ListTokens(ctx context.Context) ([]Token, error)
	// RevokeToken revokes a token and ends its sessions.
	RevokeToken(ctx context.Context, id int64) error

	// CreateSession stores a dashboard session (by hash) for a token.
	CreateSession(ctx context.Context, s Session) error
	// SessionByHash returns a live session and its live token.
	SessionByHash(ctx context.Context, hash []byte, now time.Time) (*Session, *Token, error)
	// DeleteSession ends a session.
	DeleteSession(ctx context.Context, hash []byte) error

	// RecordDecisions appends admission decisions to the audit log.
	RecordDecisions(ctx context.Context, ds []Decision) error
	// ListDecisions returns decisions, newest first.
	ListDecisions(ctx context.Context, f DecisionFilter) ([]Decision, error)
}

// ReportMeta is what an upload says about where a report comes from.
type ReportMeta struct {
	Repository string `json:"repository"`
	Commit     string `json:"commit,omitempty"`
	Branch     string `json:"branch,omitempty"`
}

// ReportHeader describes a stored report without its findings.
type ReportHeader struct {
	ID int64 `json:"id"`
	ReportMeta
	UploadedAt  time.Time      `json:"uploaded_at"`
	GeneratedAt time.Time      `json:"generated_at"`
	Tool        report.Tool    `json:"tool"`
	Summary     report.Summary `json:"summary"`
	// Matrix is the report's responsibility matrix (see Cells).
	Matrix []Cell `json:"matrix,omitempty"`
}

// Report is a stored report with its document.
type Report struct {
	ReportHeader
	Document *report.Report `json:"report"`
}

// ReportFilter selects reports. The zero value selects all.
type ReportFilter struct {
	Repository string
	Branch     string
	// Before, when set, keeps reports with a smaller id (paging).
	Before int64
	// Since, when set, keeps reports uploaded at or after it.
	Since time.Time
	// Limit bounds the result; 0 means DefaultLimit.
	Limit int
}

// DefaultLimit and MaxLimit bound list results.
const (
	DefaultLimit = 50
	MaxLimit     = 1000
)

// Clamp returns a limit within 1..MaxLimit (0 → DefaultLimit).
func Clamp(limit int) int {
	switch {
	case limit <= 0:
		return DefaultLimit
	case limit > MaxLimit:
		return MaxLimit
	}
	return limit
}

// FindingFilter selects findings. Empty fields match everything.
type FindingFilter struct {
	Team, Owner, Layer, Severity, Status, Repository, Rule, Service string
	// ReportID, when set, reads that report; otherwise the newest report
	// of each repository is read (of each repository's Branch when set).
	ReportID int64
	Branch   string
	Limit    int
	Offset   int
}

// FindingRecord is a stored finding and the report it came from.
type FindingRecord struct {
	ID         int64     `json:"id"`
	ReportID   int64     `json:"report_id"`
	Repository string    `json:"repository"`
	Branch     string    `json:"branch,omitempty"`
	Commit     string    `json:"commit,omitempty"`
	UploadedAt time.Time `json:"uploaded_at"`
	finding.Finding
}

// Role is what a token may do.
type Role string

// Roles.
const (
	Admin    Role = "admin"    // everything, token management included
	Uploader Role = "uploader" // upload reports (CI)
	Viewer   Role = "viewer"   // read the API and the dashboard
)

// Valid reports whether r is a known role.
func (r Role) Valid() bool { return r == Admin || r == Uploader || r == Viewer }

// Allows reports whether a token of role r may act as need. Admin may do
// everything; the others only what they are for.
func (r Role) Allows(need Role) bool { return r == Admin || r == need }

// Token is an API token. Only its hash is stored.
type Token struct {
	ID        int64      `json:"id"`
	Name      string     `json:"name"`
	Role      Role       `json:"role"`
	Prefix    string     `json:"prefix"`
	Hash      []byte     `json:"-"`
	CreatedAt time.Time  `json:"created_at"`
	RevokedAt *time.Time `json:"revoked_at,omitempty"`
}

// Session is a dashboard login. Only its hash is stored.
type Session struct {
	Hash      []byte
	TokenID   int64
	CreatedAt time.Time
	ExpiresAt time.Time
}

// Decision is one admission verdict in the audit log.
type Decision struct {
	ID        int64     `json:"id"`
	Time      time.Time `json:"time"`
	UID       string    `json:"uid"`
	Operation string    `json:"operation"`
	Kind      string    `json:"kind"`
	Namespace string    `json:"namespace,omitempty"`
	Name      string    `json:"name"`
	User      string    `json:"user,omitempty"`
	// Action is deny, warn, audit or allow (no finding).
	Action  string   `json:"action"`
	Allowed bool     `json:"allowed"`
	DryRun  bool     `json:"dry_run"`
	Rules   []string `json:"rules"`
	Message string   `json:"message,omitempty"`
}

// DecisionFilter selects decisions.
type DecisionFilter struct {
	Namespace string
	Action    string
	Before    int64
	Limit     int
}
