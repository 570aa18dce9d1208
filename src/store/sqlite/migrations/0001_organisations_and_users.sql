-- Organisations, their units, staff users and the roles they hold per unit.
CREATE TABLE organisations (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('municipality', 'region', 'police', 'association'))
) STRICT;

CREATE TABLE units (
    id              INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    name            TEXT NOT NULL,
    kind            TEXT NOT NULL,
    UNIQUE (organisation_id, name)
) STRICT;

CREATE TABLE users (
    id                 INTEGER PRIMARY KEY,
    username           TEXT NOT NULL UNIQUE,
    display_name       TEXT NOT NULL,
    password_hash      TEXT NOT NULL,
    disabled           INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    preferred_language TEXT NOT NULL DEFAULT 'sv'
) STRICT;

CREATE TABLE user_roles (
    user_id INTEGER NOT NULL REFERENCES users (id),
    unit_id INTEGER NOT NULL REFERENCES units (id),
    role    TEXT NOT NULL,
    PRIMARY KEY (user_id, unit_id, role)
) STRICT;
