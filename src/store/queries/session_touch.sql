UPDATE sessions SET last_seen_at = ?2 WHERE token_hash = ?1
