INSERT INTO users (username, display_name, password_hash, disabled, preferred_language, email, phone)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
RETURNING id
