INSERT INTO plan_change_fields (change_id, position, field, before, after) VALUES (?1, ?2, ?3, ?4, ?5)
