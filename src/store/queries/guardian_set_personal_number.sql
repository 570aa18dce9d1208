UPDATE guardians SET personal_number = ?2 WHERE id = ?1
