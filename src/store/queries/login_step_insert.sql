INSERT INTO login_steps (token_hash, user_id, created_at, first_method) VALUES (?1, ?2, ?3, ?4)
