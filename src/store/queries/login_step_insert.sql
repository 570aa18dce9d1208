INSERT INTO login_steps (token_hash, user_id, created_at) VALUES (?1, ?2, ?3)
