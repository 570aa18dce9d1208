-- Organisations of a fifth kind (issue 23): other authorities — Försäkringskassan, Migrationsverket,
-- Kriminalvården and the like. SQLite cannot widen a CHECK in place, so the table is rebuilt with
-- the same ids and columns in the same order. Units, log reviews and external ids point at it by
-- id: their checks are deferred to the commit, and the rows come back (which settles them) only
-- after the old table is gone, so their references stay on the name "organisations".
PRAGMA defer_foreign_keys = ON;
CREATE TEMP TABLE organisations_kept AS SELECT id, name, kind, code, active FROM organisations;
DROP TABLE organisations;
CREATE TABLE organisations (
    id     INTEGER PRIMARY KEY,
    name   TEXT NOT NULL UNIQUE,
    kind   TEXT NOT NULL CHECK (kind IN ('municipality', 'region', 'police', 'association', 'other_authority')),
    code   TEXT,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;
INSERT INTO organisations (id, name, kind, code, active) SELECT id, name, kind, code, active FROM organisations_kept;
DROP TABLE organisations_kept;
CREATE UNIQUE INDEX organisations_by_code ON organisations (code) WHERE code IS NOT NULL;
