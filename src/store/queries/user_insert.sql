INSERT INTO users (username, display_name, password_hash, disabled, preferred_language) VALUES (?1, ?2, ?3, ?4, ?5)
RETURNING id
