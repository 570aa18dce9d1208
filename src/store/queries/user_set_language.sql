UPDATE users SET preferred_language = ?2 WHERE id = ?1
