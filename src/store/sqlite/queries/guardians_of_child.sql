SELECT id, given_name, family_name, phone FROM guardians WHERE child_id = ?1 ORDER BY id
