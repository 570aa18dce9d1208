INSERT INTO guardians (child_id, given_name, family_name, phone) VALUES (?1, ?2, ?3, ?4)
