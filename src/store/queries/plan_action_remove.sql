UPDATE plan_actions SET removed_at = ?3 WHERE id = ?2 AND plan_id = ?1 AND removed_at IS NULL
