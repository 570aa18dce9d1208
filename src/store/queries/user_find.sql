SELECT id, username, display_name, disabled, preferred_language, password_hash FROM users WHERE id = ?1
