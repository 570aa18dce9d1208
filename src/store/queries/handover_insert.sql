INSERT INTO handovers (child_id, from_unit_id, to_unit_id, state, note, requested_by, requested_at, kind, concern_id)
VALUES (?1, ?2, ?3, 'pending', ?4, ?5, ?6, ?7, ?8)
RETURNING id
