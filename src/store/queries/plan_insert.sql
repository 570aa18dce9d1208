INSERT INTO plans (child_id, concern_id, state, version, reason, support_areas, created_by, created_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
RETURNING id
