UPDATE outbox SET sent_at = ?2, claimed_until = NULL, attempts = attempts + 1, last_error = '' WHERE id = ?1
