UPDATE organisations SET name = ?2, code = NULLIF(?3, ''), active = ?4 WHERE id = ?1
