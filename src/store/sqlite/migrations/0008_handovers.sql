-- Handover requests of coordination responsibility: pending until the receiving unit answers.
CREATE TABLE handovers (
    id             INTEGER PRIMARY KEY,
    child_id       INTEGER NOT NULL REFERENCES children (id),
    from_unit_id   INTEGER NOT NULL REFERENCES units (id),
    to_unit_id     INTEGER NOT NULL REFERENCES units (id),
    state          TEXT NOT NULL CHECK (state IN ('pending', 'accepted', 'declined', 'cancelled')),
    note           TEXT NOT NULL,
    decline_reason TEXT NOT NULL DEFAULT '',
    requested_by   INTEGER NOT NULL REFERENCES users (id),
    requested_at   INTEGER NOT NULL,
    answered_by    INTEGER REFERENCES users (id),
    answered_at    INTEGER
) STRICT;

-- At most one pending handover per child, enforced by the database as well as the domain.
CREATE UNIQUE INDEX handovers_one_pending_per_child ON handovers (child_id) WHERE state = 'pending';
CREATE INDEX handovers_by_to_unit ON handovers (to_unit_id, state);
CREATE INDEX handovers_by_from_unit ON handovers (from_unit_id, state);
