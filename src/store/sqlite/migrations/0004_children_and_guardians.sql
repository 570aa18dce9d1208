-- Children, their guardians and the units they belong to.
CREATE TABLE children (
    id                 INTEGER PRIMARY KEY,
    personal_number    TEXT NOT NULL UNIQUE,  -- normalised YYYYMMDDNNNN
    given_name         TEXT NOT NULL,
    family_name        TEXT NOT NULL,
    birth_date         TEXT NOT NULL,         -- YYYY-MM-DD
    protected_identity INTEGER NOT NULL DEFAULT 0 CHECK (protected_identity IN (0, 1)),
    joint_custody      INTEGER NOT NULL DEFAULT 0 CHECK (joint_custody IN (0, 1)),
    school_unit_id     INTEGER REFERENCES units (id),
    health_unit_id     INTEGER REFERENCES units (id)
) STRICT;

CREATE INDEX children_by_school_unit ON children (school_unit_id);
CREATE INDEX children_by_health_unit ON children (health_unit_id);

CREATE TABLE guardians (
    id          INTEGER PRIMARY KEY,
    child_id    INTEGER NOT NULL REFERENCES children (id),
    given_name  TEXT NOT NULL,
    family_name TEXT NOT NULL,
    phone       TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX guardians_by_child ON guardians (child_id);
