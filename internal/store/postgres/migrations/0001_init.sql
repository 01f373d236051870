CREATE TABLE reports (
	id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	repository   TEXT        NOT NULL,
	branch       TEXT        NOT NULL DEFAULT '',
	commit_sha   TEXT        NOT NULL DEFAULT '',
	uploaded_at  TIMESTAMPTZ NOT NULL,
	generated_at TIMESTAMPTZ NOT NULL,
	tool_name    TEXT        NOT NULL DEFAULT '',
	tool_version TEXT        NOT NULL DEFAULT '',
	summary      JSONB       NOT NULL,
	matrix       JSONB       NOT NULL,
	document     JSONB       NOT NULL
);
CREATE INDEX reports_repository ON reports (repository, id);
CREATE INDEX reports_uploaded ON reports (uploaded_at);

CREATE TABLE findings (
	id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	report_id     BIGINT  NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
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
	data          JSONB   NOT NULL
);
CREATE INDEX findings_report ON findings (report_id, severity_rank);

CREATE TABLE tokens (
	id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	name       TEXT        NOT NULL,
	role       TEXT        NOT NULL CHECK (role IN ('admin', 'uploader', 'viewer')),
	prefix     TEXT        NOT NULL,
	hash       BYTEA       NOT NULL UNIQUE,
	created_at TIMESTAMPTZ NOT NULL,
	revoked_at TIMESTAMPTZ
);

CREATE TABLE sessions (
	hash       BYTEA       PRIMARY KEY,
	token_id   BIGINT      NOT NULL REFERENCES tokens (id) ON DELETE CASCADE,
	created_at TIMESTAMPTZ NOT NULL,
	expires_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE decisions (
	id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	time      TIMESTAMPTZ NOT NULL,
	uid       TEXT        NOT NULL,
	operation TEXT        NOT NULL,
	kind      TEXT        NOT NULL,
	namespace TEXT        NOT NULL,
	name      TEXT        NOT NULL,
	username  TEXT        NOT NULL,
	action    TEXT        NOT NULL,
	allowed   BOOLEAN     NOT NULL,
	dry_run   BOOLEAN     NOT NULL,
	rules     JSONB       NOT NULL,
	message   TEXT        NOT NULL
);
CREATE INDEX decisions_namespace ON decisions (namespace, id);

CREATE TABLE settings (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);
