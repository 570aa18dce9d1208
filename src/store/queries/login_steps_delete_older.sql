DELETE FROM login_steps WHERE created_at < ?1
