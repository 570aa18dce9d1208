INSERT INTO staff_external_ids (organisation_id, external_id, user_id) VALUES (?1, ?2, ?3)
