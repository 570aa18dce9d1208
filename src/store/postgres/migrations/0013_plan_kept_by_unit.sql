-- A plan that did not follow the child to a new coordination holder (no consent covered the
-- receiving unit) stays with the unit that held it; only the fact of the handover moved.
ALTER TABLE plans ADD COLUMN kept_by_unit_id BIGINT REFERENCES units (id);
