UPDATE users SET display_name = ?2, email = ?3, phone = ?4 WHERE id = ?1
