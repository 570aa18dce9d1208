INSERT INTO consents (child_id, purpose, categories, valid_from, valid_to, form, documented_by, child_assessed_mature,
                      maturity_note, recorded_by, recorded_at, refused)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
RETURNING id
