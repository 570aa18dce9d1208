INSERT INTO plan_participants (plan_id, unit_id, position, contact_name, contact_phone) VALUES (?1, ?2, ?3, ?4, ?5)
