-- Barnets plan with goals, actions, participants, meetings and a field-level change history.
CREATE TABLE plans (
    id                    INTEGER PRIMARY KEY,
    child_id              INTEGER NOT NULL REFERENCES children (id),
    concern_id            INTEGER REFERENCES concerns (id),
    state                 TEXT NOT NULL CHECK (state IN ('draft', 'agreed', 'active', 'closed')),
    version               INTEGER NOT NULL,
    reason                TEXT NOT NULL,
    child_view            TEXT NOT NULL DEFAULT '',
    guardian_views        TEXT NOT NULL DEFAULT '',
    disagreements         TEXT NOT NULL DEFAULT '',
    follow_up_how         TEXT NOT NULL DEFAULT '',
    next_meeting          TEXT,  -- YYYY-MM-DD
    collaboration_unit_id INTEGER REFERENCES units (id),
    support_areas         TEXT NOT NULL DEFAULT '',  -- comma-separated wheel area codes
    close_reason          TEXT,
    created_by            INTEGER NOT NULL REFERENCES users (id),
    created_at            INTEGER NOT NULL
) STRICT;
-- A child has at most one plan that is not closed.
CREATE UNIQUE INDEX plans_one_open_per_child ON plans (child_id) WHERE state <> 'closed';
CREATE INDEX plans_by_child ON plans (child_id);

CREATE TABLE plan_goals (
    id          INTEGER PRIMARY KEY,
    plan_id     INTEGER NOT NULL REFERENCES plans (id),
    area_code   TEXT NOT NULL,
    outcome     TEXT NOT NULL,
    how_we_know TEXT NOT NULL,
    by_when     TEXT NOT NULL
) STRICT;
CREATE INDEX plan_goals_by_plan ON plan_goals (plan_id);

CREATE TABLE plan_actions (
    id          INTEGER PRIMARY KEY,
    plan_id     INTEGER NOT NULL REFERENCES plans (id),
    what        TEXT NOT NULL,
    unit_id     INTEGER REFERENCES units (id),  -- NULL: the family or the child
    responsible TEXT NOT NULL,
    start_on    TEXT NOT NULL,
    frequency   TEXT NOT NULL,
    due_on      TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('planned', 'ongoing', 'done', 'changed', 'stopped')),
    CHECK (due_on >= start_on)
) STRICT;
CREATE INDEX plan_actions_by_plan ON plan_actions (plan_id);
CREATE INDEX plan_actions_by_unit_due ON plan_actions (unit_id, due_on);

CREATE TABLE plan_participants (
    plan_id       INTEGER NOT NULL REFERENCES plans (id),
    unit_id       INTEGER NOT NULL REFERENCES units (id),
    position      INTEGER NOT NULL,
    contact_name  TEXT NOT NULL,
    contact_phone TEXT NOT NULL,
    PRIMARY KEY (plan_id, unit_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX plan_participants_by_unit ON plan_participants (unit_id);

CREATE TABLE plan_meetings (
    id                  INTEGER PRIMARY KEY,
    plan_id             INTEGER NOT NULL REFERENCES plans (id),
    kind                TEXT NOT NULL CHECK (kind IN ('collaboration', 'follow_up')),
    held_on             TEXT NOT NULL,
    place               TEXT NOT NULL,
    guardians_present   INTEGER NOT NULL CHECK (guardians_present IN (0, 1)),
    child_present       INTEGER NOT NULL CHECK (child_present IN (0, 1)),
    child_absent_reason TEXT NOT NULL,
    notes               TEXT NOT NULL,
    collaborate         INTEGER NOT NULL CHECK (collaborate IN (0, 1)),
    next_meeting        TEXT,
    recorded_by         INTEGER NOT NULL REFERENCES users (id),
    recorded_at         INTEGER NOT NULL
) STRICT;
CREATE INDEX plan_meetings_by_plan ON plan_meetings (plan_id);

CREATE TABLE plan_action_evaluations (
    meeting_id INTEGER NOT NULL REFERENCES plan_meetings (id),
    action_id  INTEGER NOT NULL REFERENCES plan_actions (id),
    result     TEXT NOT NULL CHECK (result IN ('planned', 'ongoing', 'done', 'changed', 'stopped')),
    note       TEXT NOT NULL,
    PRIMARY KEY (meeting_id, action_id)
) STRICT, WITHOUT ROWID;

-- Who changed what, when: one row per saved version, one row per changed field.
CREATE TABLE plan_changes (
    id         INTEGER PRIMARY KEY,
    plan_id    INTEGER NOT NULL REFERENCES plans (id),
    version    INTEGER NOT NULL,
    changed_by INTEGER NOT NULL REFERENCES users (id),
    changed_at INTEGER NOT NULL,
    UNIQUE (plan_id, version)
) STRICT;
CREATE TABLE plan_change_fields (
    change_id INTEGER NOT NULL REFERENCES plan_changes (id),
    position  INTEGER NOT NULL,
    field     TEXT NOT NULL,
    before    TEXT NOT NULL,
    after     TEXT NOT NULL,
    PRIMARY KEY (change_id, position)
) STRICT, WITHOUT ROWID;
