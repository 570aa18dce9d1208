-- The audit log: append-only, hash-chained in sequence order. The triggers make UPDATE and DELETE
-- fail even for code that tries; retention (later) will drop whole ranges through its own audited path.
CREATE TABLE audit_log (
    sequence        INTEGER PRIMARY KEY,
    at              INTEGER NOT NULL,  -- unix milliseconds
    user_id         INTEGER,
    role            TEXT NOT NULL,
    unit_id         INTEGER,
    organisation_id INTEGER,
    child_id        INTEGER,
    object_type     TEXT NOT NULL,
    object_id       TEXT NOT NULL,
    action          TEXT NOT NULL,
    legal_basis     TEXT NOT NULL,
    outcome         TEXT NOT NULL CHECK (outcome IN ('allowed', 'denied')),
    request_id      TEXT NOT NULL,
    previous_hash   TEXT NOT NULL,
    hash            TEXT NOT NULL
) STRICT;

CREATE INDEX audit_log_by_child ON audit_log (child_id, at) WHERE child_id IS NOT NULL;
CREATE INDEX audit_log_by_user ON audit_log (user_id, at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
