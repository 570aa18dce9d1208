-- Information gathering on Barnets bästa-hjulet: assessments over time, one row per area.
CREATE TABLE wheel_assessments (
    id                INTEGER PRIMARY KEY,
    child_id          INTEGER NOT NULL REFERENCES children (id),
    catalogue_version INTEGER NOT NULL REFERENCES wheel_catalogue_versions (version),
    assessed_on       TEXT NOT NULL,  -- YYYY-MM-DD
    sources           TEXT NOT NULL,
    recorded_by       INTEGER NOT NULL REFERENCES users (id),
    unit_id           INTEGER NOT NULL REFERENCES units (id),
    recorded_at       INTEGER NOT NULL  -- unix milliseconds
) STRICT;

CREATE INDEX wheel_assessments_by_child ON wheel_assessments (child_id, assessed_on);

CREATE TABLE wheel_assessment_areas (
    assessment_id     INTEGER NOT NULL REFERENCES wheel_assessments (id),
    area_code         TEXT NOT NULL,
    status            TEXT NOT NULL CHECK (status IN ('not_known', 'works_well', 'challenging')),
    description       TEXT NOT NULL,
    child_words       TEXT NOT NULL,
    guardian_view     TEXT NOT NULL,
    professional_note TEXT NOT NULL,
    support_needed    INTEGER NOT NULL CHECK (support_needed IN (0, 1)),
    PRIMARY KEY (assessment_id, area_code)
) STRICT, WITHOUT ROWID;
