INSERT INTO emergency_grants (child_id, user_id, unit_id, reason, granted_at, expires_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6)
RETURNING id
