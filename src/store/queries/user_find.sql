SELECT id, username, display_name, disabled, preferred_language, password_hash, email, phone FROM users WHERE id = ?1
