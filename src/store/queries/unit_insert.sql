INSERT INTO units (organisation_id, name, kind, area) VALUES (?1, ?2, ?3, ?4)
RETURNING id
