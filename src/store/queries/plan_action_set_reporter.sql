UPDATE plan_actions SET reported_by = ?3, reported_at = ?4 WHERE id = ?2 AND plan_id = ?1
