SELECT user_id, created_at, first_method FROM login_steps WHERE token_hash = ?1
