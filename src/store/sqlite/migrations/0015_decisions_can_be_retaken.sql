-- A signal whose decision-B handover is declined goes back to the holder's inbox for a new
-- decision, so a signal may have several decisions over time (the newest counts; all are kept).
-- SQLite cannot drop the UNIQUE constraint in place: rebuild the table.
CREATE TABLE concern_decisions_new (
    id              INTEGER PRIMARY KEY,
    concern_id      INTEGER NOT NULL REFERENCES concerns (id),
    outcome         TEXT NOT NULL CHECK (outcome IN ('A', 'B', 'C')),
    rationale       TEXT NOT NULL,
    actions_taken   TEXT NOT NULL,
    decided_by      INTEGER NOT NULL REFERENCES users (id),
    decided_unit_id INTEGER NOT NULL REFERENCES units (id),
    decided_at      INTEGER NOT NULL  -- unix milliseconds
) STRICT;
INSERT INTO concern_decisions_new SELECT id, concern_id, outcome, rationale, actions_taken, decided_by, decided_unit_id,
                                         decided_at FROM concern_decisions;
DROP TABLE concern_decisions;
ALTER TABLE concern_decisions_new RENAME TO concern_decisions;
CREATE INDEX concern_decisions_by_concern ON concern_decisions (concern_id, id);

-- The signal a handover request was decided on (decision B), if any.
ALTER TABLE handovers ADD COLUMN concern_id INTEGER REFERENCES concerns (id);
