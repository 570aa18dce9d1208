INSERT INTO login_failures (throttle_key, failures, last_failure_at) VALUES (?1, ?2, ?3)
ON CONFLICT (throttle_key) DO UPDATE SET failures = excluded.failures, last_failure_at = excluded.last_failure_at
