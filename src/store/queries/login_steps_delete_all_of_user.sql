DELETE FROM login_steps WHERE user_id = ?1
