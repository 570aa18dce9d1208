INSERT INTO plan_changes (plan_id, version, changed_by, changed_at) VALUES (?1, ?2, ?3, ?4)
RETURNING id
