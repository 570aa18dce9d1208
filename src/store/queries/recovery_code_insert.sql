INSERT INTO recovery_codes (user_id, code_hash, used_at) VALUES (?1, ?2, NULL)
