-- Retention of the audit log (issue 4 §3): rows older than the retention period (at least five
-- years) may be deleted only through a recorded retention run, oldest first. The run keeps the hash
-- of the last deleted row, so `audit verify` checks the remaining chain from there; the run itself
-- is audited. Runs are never edited or deleted.
CREATE TABLE audit_retention_runs (
    id               INTEGER PRIMARY KEY,
    run_at           INTEGER NOT NULL,  -- unix milliseconds
    cutoff           INTEGER NOT NULL,  -- rows written before this instant were due
    through_sequence INTEGER NOT NULL,  -- the last row deleted
    anchor_hash      TEXT NOT NULL,     -- its hash: the first kept row names it as previous
    deleted_rows     INTEGER NOT NULL
) STRICT;

CREATE TRIGGER audit_retention_runs_never_edited BEFORE UPDATE ON audit_retention_runs
BEGIN
    SELECT RAISE(ABORT, 'retention runs are never edited');
END;
CREATE TRIGGER audit_retention_runs_never_deleted BEFORE DELETE ON audit_retention_runs
BEGIN
    SELECT RAISE(ABORT, 'retention runs are kept');
END;

DROP TRIGGER audit_log_no_delete;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
WHEN OLD.sequence > COALESCE((SELECT max(through_sequence) FROM audit_retention_runs), 0)
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
