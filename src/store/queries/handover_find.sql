SELECT id, child_id, from_unit_id, to_unit_id, state, note, decline_reason, requested_by, requested_at, answered_by,
       answered_at, kind, concern_id
FROM handovers WHERE id = ?1
