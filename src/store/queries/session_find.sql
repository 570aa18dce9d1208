SELECT token_hash, user_id, created_at, last_seen_at FROM sessions WHERE token_hash = ?1
