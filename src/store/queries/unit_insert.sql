INSERT INTO units (organisation_id, name, kind, area, external_id, phone, email, active_from, active_to)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
RETURNING id
