INSERT INTO user_roles (user_id, unit_id, role, valid_from, valid_to) VALUES (?1, ?2, ?3, ?4, ?5)
