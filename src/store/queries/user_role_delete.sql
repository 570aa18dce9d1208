DELETE FROM user_roles WHERE user_id = ?1 AND unit_id = ?2 AND role = ?3
