DELETE FROM login_failures WHERE throttle_key = ?1
