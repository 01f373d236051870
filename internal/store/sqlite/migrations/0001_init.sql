-- Times are INTEGER microseconds since the Unix epoch (UTC); JSON is TEXT.
CREATE TABLE reports (
	id           INTEGER PRIMARY KEY AUTOINCREMENT,
	repository   TEXT    NOT NULL,
	branch       TEXT    NOT NULL DEFAULT '',
	commit_sha   TEXT    NOT NULL DEFAULT '',
	uploaded_at  INTEGER NOT NULL,
	generated_at INTEGER NOT NULL,
	tool_name    TEXT    NOT NULL DEFAULT '',
	tool_version TEXT    NOT NULL DEFAULT '',
	summary      TEXT    NOT NULL,
	matrix       TEXT    NOT NULL,
	document     TEXT    NOT NULL
);
CREATE INDEX reports_repository ON reports (repository, id);
CREATE INDEX reports_uploaded ON reports (uploaded_at);

CREATE TABLE findings (
	id            INTEGER PRIMARY KEY AUTOINCREMENT,
	report_id     INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
	repository    TEXT    NOT NULL,
	rule          TEXT    NOT NULL,
	severity      TEXT    NOT NULL,
	severity_rank INTEGER NOT NULL,
	category      TEXT    NOT NULL,
	layer         TEXT    NOT NULL,
	owner         TEXT    NOT NULL,
	team          TEXT    NOT NULL,
	service       TEXT    NOT NULL,
	service_model TEXT    NOT NULL,
	status        TEXT    NOT NULL,
	resource      TEXT    NOT NULL,
	file          TEXT    NOT NULL,
	line          INTEGER NOT NULL,
	message       TEXT    NOT NULL,
	fingerprint   TEXT    NOT NULL,
	data          TEXT    NOT NULL
);
CREATE INDEX findings_report ON findings (report_id, severity_rank);

CREATE TABLE tokens (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	name       TEXT    NOT NULL,
	role       TEXT    NOT NULL CHECK (role IN ('admin', 'uploader', 'viewer')),
	prefix     TEXT    NOT NULL,
	hash       BLOB    NOT NULL UNIQUE,
	created_at INTEGER NOT NULL,
	revoked_at INTEGER
);

CREATE TABLE sessions (
	hash       BLOB    PRIMARY KEY,
	token_id   INTEGER NOT NULL REFERENCES tokens (id) ON DELETE CASCADE,
	created_at INTEGER NOT NULL,
	expires_at INTEGER NOT NULL
);

CREATE TABLE decisions (
	id        INTEGER PRIMARY KEY AUTOINCREMENT,
	time      INTEGER NOT NULL,
	uid       TEXT    NOT NULL,
	operation TEXT    NOT NULL,
	kind      TEXT    NOT NULL,
	namespace TEXT    NOT NULL,
	name      TEXT    NOT NULL,
	username  TEXT    NOT NULL,
	action    TEXT    NOT NULL,
	allowed   INTEGER NOT NULL,
	dry_run   INTEGER NOT NULL,
	rules     TEXT    NOT NULL,
	message   TEXT    NOT NULL
);
CREATE INDEX decisions_namespace ON decisions (namespace, id);

CREATE TABLE settings (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);
