-- Emergency access (nödåtkomst): who asked, for which child, acting for which unit, why, and until
-- when. Never edited or deleted; the audit log records every read made under a grant.
CREATE TABLE emergency_grants (
    id         INTEGER PRIMARY KEY,
    child_id   INTEGER NOT NULL REFERENCES children (id),
    user_id    INTEGER NOT NULL REFERENCES users (id),
    unit_id    INTEGER NOT NULL REFERENCES units (id),
    reason     TEXT NOT NULL,
    granted_at INTEGER NOT NULL,  -- unix milliseconds
    expires_at INTEGER NOT NULL,
    CHECK (expires_at > granted_at)
) STRICT;
CREATE INDEX emergency_grants_by_child ON emergency_grants (child_id, expires_at);

CREATE TRIGGER emergency_grants_never_edited BEFORE UPDATE ON emergency_grants
BEGIN
    SELECT RAISE(ABORT, 'emergency grants are never edited');
END;
CREATE TRIGGER emergency_grants_never_deleted BEFORE DELETE ON emergency_grants
BEGIN
    SELECT RAISE(ABORT, 'emergency grants are kept');
END;
