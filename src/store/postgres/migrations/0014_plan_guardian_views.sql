-- Each guardian's own view in Barnets plan (domain.md §5: "each guardian's view; disagreements recorded").
CREATE TABLE plan_guardian_views (
    plan_id     BIGINT NOT NULL REFERENCES plans (id),
    guardian_id BIGINT NOT NULL REFERENCES guardians (id),
    view        TEXT NOT NULL,
    PRIMARY KEY (plan_id, guardian_id)
);
