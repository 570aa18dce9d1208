INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, method) VALUES (?1, ?2, ?3, ?4, ?5)
