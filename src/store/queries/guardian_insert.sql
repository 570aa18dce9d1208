INSERT INTO guardians (child_id, given_name, family_name, phone, personal_number) VALUES (?1, ?2, ?3, ?4, ?5)
