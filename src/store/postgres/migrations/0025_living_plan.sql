-- The plan as a living document (issue 20): goals, actions and participants can be removed — the
-- row stays (meetings' evaluations and the history point at it) and is no longer part of the plan;
-- a participant that left keeps the reason. Each action carries the latest report of the party
-- that carries it out: status (already a column), a short note, a proposed new date, who and when.
ALTER TABLE plan_goals ADD COLUMN removed_at BIGINT;
ALTER TABLE plan_actions ADD COLUMN removed_at BIGINT;
ALTER TABLE plan_actions ADD COLUMN progress_note TEXT NOT NULL DEFAULT '';
ALTER TABLE plan_actions ADD COLUMN proposed_due TEXT;
ALTER TABLE plan_actions ADD COLUMN reported_by BIGINT REFERENCES users (id);
ALTER TABLE plan_actions ADD COLUMN reported_at BIGINT;
ALTER TABLE plan_participants ADD COLUMN removed_at BIGINT;
ALTER TABLE plan_participants ADD COLUMN removed_reason TEXT NOT NULL DEFAULT '';
