DELETE FROM second_factors WHERE user_id = ?1
