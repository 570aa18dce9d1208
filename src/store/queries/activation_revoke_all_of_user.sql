UPDATE account_activations SET used_at = ?2 WHERE user_id = ?1 AND used_at IS NULL
