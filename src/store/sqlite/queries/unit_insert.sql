INSERT INTO units (organisation_id, name, kind) VALUES (?1, ?2, ?3)
