INSERT INTO family_links (user_id, child_id, guardian_id) VALUES (?1, ?2, ?3)
