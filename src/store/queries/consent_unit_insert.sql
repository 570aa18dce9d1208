INSERT INTO consent_units (consent_id, unit_id) VALUES (?1, ?2)
