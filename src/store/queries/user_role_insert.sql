INSERT INTO user_roles (user_id, unit_id, role) VALUES (?1, ?2, ?3)
