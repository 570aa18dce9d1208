UPDATE account_activations SET used_at = ?2 WHERE token_hash = ?1 AND used_at IS NULL
