SELECT token_hash, user_id, created_by, created_at, expires_at, used_at FROM account_activations WHERE token_hash = ?1
