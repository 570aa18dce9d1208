-- May the plan follow the child to the new holder (issue 21, rule 4)? One row per answer, never
-- changed: each guardian's (guardian_id) or the child's own (guardian_id NULL) latest row counts,
-- and a withdrawn yes is a later row.
CREATE TABLE plan_follow_answers (
    id          INTEGER PRIMARY KEY,
    handover_id INTEGER NOT NULL REFERENCES handovers (id),
    guardian_id INTEGER REFERENCES guardians (id),
    answer      TEXT NOT NULL CHECK (answer IN ('yes', 'no', 'withdrawn')),
    via         TEXT NOT NULL CHECK (via IN ('staff', 'family_view')),
    recorded_by INTEGER NOT NULL REFERENCES users (id),
    recorded_at INTEGER NOT NULL
);
CREATE INDEX plan_follow_answers_by_handover ON plan_follow_answers (handover_id, id);
