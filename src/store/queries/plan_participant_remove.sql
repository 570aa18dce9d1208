UPDATE plan_participants SET removed_at = ?3, removed_reason = ?4
WHERE plan_id = ?1 AND unit_id = ?2 AND removed_at IS NULL
