-- How each guardian took part in agreeing the plan (issue 21, rule 5): present at the meeting,
-- agreed in the family view, or not taking part with a reason. One row per guardian and plan; a
-- later part replaces an earlier one (the plan's history keeps the change).
CREATE TABLE plan_guardian_parts (
    plan_id     BIGINT NOT NULL REFERENCES plans (id),
    guardian_id BIGINT NOT NULL REFERENCES guardians (id),
    kind        TEXT NOT NULL CHECK (kind IN ('present', 'family_view', 'not_taking_part')),
    reason      TEXT NOT NULL,
    recorded_on TEXT NOT NULL,  -- YYYY-MM-DD, Swedish local date
    PRIMARY KEY (plan_id, guardian_id)
);
