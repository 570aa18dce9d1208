-- Consents (samtycke): who lifted secrecy between which units, for what, for how long. A consent is
-- never edited; only its withdrawal is recorded (see the trigger).
CREATE TABLE consents (
    id                    INTEGER PRIMARY KEY,
    child_id              INTEGER NOT NULL REFERENCES children (id),
    purpose               TEXT NOT NULL,
    categories            TEXT NOT NULL,  -- comma-separated: school,health,social,other
    valid_from            TEXT NOT NULL,  -- YYYY-MM-DD
    valid_to              TEXT NOT NULL,  -- YYYY-MM-DD, inclusive
    form                  TEXT NOT NULL CHECK (form IN ('written', 'oral')),
    documented_by         TEXT NOT NULL,
    child_assessed_mature INTEGER NOT NULL CHECK (child_assessed_mature IN (0, 1)),
    maturity_note         TEXT NOT NULL,
    recorded_by           INTEGER NOT NULL REFERENCES users (id),
    recorded_at           INTEGER NOT NULL,
    withdrawn_at          INTEGER,
    withdrawn_by          INTEGER REFERENCES users (id),
    withdrawn_on_word_of  TEXT NOT NULL DEFAULT '',
    CHECK (valid_to >= valid_from)
) STRICT;
CREATE INDEX consents_by_child ON consents (child_id);
CREATE INDEX consents_by_valid_to ON consents (valid_to) WHERE withdrawn_at IS NULL;

CREATE TABLE consent_units (
    consent_id INTEGER NOT NULL REFERENCES consents (id),
    unit_id    INTEGER NOT NULL REFERENCES units (id),
    PRIMARY KEY (consent_id, unit_id)
) STRICT, WITHOUT ROWID;

-- One row per party who consented: a guardian, or the child itself (guardian_id NULL).
CREATE TABLE consent_parties (
    consent_id  INTEGER NOT NULL REFERENCES consents (id),
    position    INTEGER NOT NULL,
    guardian_id INTEGER REFERENCES guardians (id),
    name        TEXT NOT NULL,
    PRIMARY KEY (consent_id, position)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER consents_only_withdrawal_changes BEFORE UPDATE ON consents
WHEN NEW.purpose IS NOT OLD.purpose OR NEW.categories IS NOT OLD.categories OR NEW.valid_from IS NOT OLD.valid_from
  OR NEW.valid_to IS NOT OLD.valid_to OR NEW.child_id IS NOT OLD.child_id OR OLD.withdrawn_at IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'a consent is never edited; only its withdrawal is recorded');
END;
CREATE TRIGGER consents_never_deleted BEFORE DELETE ON consents
BEGIN
    SELECT RAISE(ABORT, 'consents are kept');
END;
