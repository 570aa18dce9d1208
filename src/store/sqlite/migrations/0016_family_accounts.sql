-- The family's own view (issue 5): accounts for guardians and the child, linked to the child
-- records they may see; one-time activation links; what the family writes into the plan; and a
-- documented restriction towards a guardian.
CREATE TABLE family_links (
    user_id     INTEGER NOT NULL REFERENCES users (id),
    child_id    INTEGER NOT NULL REFERENCES children (id),
    guardian_id INTEGER REFERENCES guardians (id),  -- NULL: the child's own account
    PRIMARY KEY (user_id, child_id)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX family_links_one_account_per_guardian ON family_links (guardian_id) WHERE guardian_id IS NOT NULL;
CREATE UNIQUE INDEX family_links_one_account_per_child ON family_links (child_id) WHERE guardian_id IS NULL;
CREATE INDEX family_links_by_child ON family_links (child_id);

-- Only the hash of the link's token is stored; a link works once and until it expires.
CREATE TABLE account_activations (
    token_hash TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    created_by INTEGER NOT NULL REFERENCES users (id),
    created_at INTEGER NOT NULL,  -- unix milliseconds
    expires_at INTEGER NOT NULL,
    used_at    INTEGER
) STRICT, WITHOUT ROWID;
CREATE INDEX account_activations_by_user ON account_activations (user_id);

ALTER TABLE guardians ADD COLUMN access_restricted INTEGER NOT NULL DEFAULT 0 CHECK (access_restricted IN (0, 1));
ALTER TABLE guardians ADD COLUMN restriction_reason TEXT NOT NULL DEFAULT '';

-- Never edited: each save by the family is a new entry, the newest per author and kind shows.
CREATE TABLE family_entries (
    id          INTEGER PRIMARY KEY,
    plan_id     INTEGER NOT NULL REFERENCES plans (id),
    child_id    INTEGER NOT NULL REFERENCES children (id),
    kind        TEXT NOT NULL CHECK (kind IN ('guardian_view', 'child_good', 'child_hard')),
    text        TEXT NOT NULL,
    written_by  INTEGER NOT NULL REFERENCES users (id),
    guardian_id INTEGER REFERENCES guardians (id),
    author_name TEXT NOT NULL,
    written_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX family_entries_by_plan ON family_entries (plan_id, id);

CREATE TRIGGER family_entries_never_edited BEFORE UPDATE ON family_entries
BEGIN
    SELECT RAISE(ABORT, 'family entries are never edited; a new entry is written');
END;
