-- The next meeting as planned (issue 20): when, where and who is invited, before it is held. At
-- most one planned meeting per plan; moving it keeps its row and raises its sequence (a calendar
-- invitation's SEQUENCE), holding it or calling it off ends it and keeps the row.
CREATE TABLE plan_planned_meetings (
    id             INTEGER PRIMARY KEY,
    plan_id        INTEGER NOT NULL REFERENCES plans (id),
    kind           TEXT NOT NULL CHECK (kind IN ('collaboration', 'follow_up')),
    meets_on       TEXT NOT NULL,  -- YYYY-MM-DD, Swedish local date
    starts_at      TEXT NOT NULL,  -- HH:MM, Swedish local time
    place          TEXT NOT NULL,
    family_invited INTEGER NOT NULL CHECK (family_invited IN (0, 1)),
    sequence       INTEGER NOT NULL,
    state          TEXT NOT NULL CHECK (state IN ('planned', 'held', 'cancelled')),
    ended_at       INTEGER
);
CREATE UNIQUE INDEX plan_planned_meetings_one_per_plan ON plan_planned_meetings (plan_id) WHERE state = 'planned';

CREATE TABLE plan_planned_meeting_invitees (
    planned_meeting_id INTEGER NOT NULL REFERENCES plan_planned_meetings (id),
    unit_id            INTEGER NOT NULL REFERENCES units (id),
    PRIMARY KEY (planned_meeting_id, unit_id)
);
