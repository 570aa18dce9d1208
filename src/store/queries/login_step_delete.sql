DELETE FROM login_steps WHERE token_hash = ?1
