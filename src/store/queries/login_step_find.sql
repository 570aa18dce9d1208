SELECT user_id, created_at FROM login_steps WHERE token_hash = ?1
