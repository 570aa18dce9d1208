-- Decisions on signals (Praxismodellen step 3), recorded with their rationale.
CREATE TABLE concern_decisions (
    id              INTEGER PRIMARY KEY,
    concern_id      INTEGER NOT NULL UNIQUE REFERENCES concerns (id),
    outcome         TEXT NOT NULL CHECK (outcome IN ('A', 'B', 'C')),
    rationale       TEXT NOT NULL,
    actions_taken   TEXT NOT NULL,
    decided_by      INTEGER NOT NULL REFERENCES users (id),
    decided_unit_id INTEGER NOT NULL REFERENCES units (id),
    decided_at      INTEGER NOT NULL  -- unix milliseconds
) STRICT;
