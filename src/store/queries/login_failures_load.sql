SELECT failures, last_failure_at FROM login_failures WHERE throttle_key = ?1
