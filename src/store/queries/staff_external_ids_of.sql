SELECT external_id, user_id FROM staff_external_ids WHERE organisation_id = ?1 ORDER BY external_id
