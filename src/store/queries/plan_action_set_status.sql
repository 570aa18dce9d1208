UPDATE plan_actions SET status = ?3 WHERE id = ?2 AND plan_id = ?1
