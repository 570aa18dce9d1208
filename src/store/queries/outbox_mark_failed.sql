UPDATE outbox SET attempts = ?4, last_error = ?2, next_attempt_at = ?3, claimed_until = NULL WHERE id = ?1
