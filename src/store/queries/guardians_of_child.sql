SELECT id, given_name, family_name, phone, access_restricted, restriction_reason, personal_number
FROM guardians WHERE child_id = ?1 ORDER BY id
