UPDATE concerns SET status = ?2 WHERE id = ?1 AND status = ?3
