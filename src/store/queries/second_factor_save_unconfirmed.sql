INSERT INTO second_factors (user_id, secret, confirmed_at, last_step) VALUES (?1, ?2, NULL, 0)
ON CONFLICT (user_id) DO UPDATE SET secret = excluded.secret, confirmed_at = NULL, last_step = 0
