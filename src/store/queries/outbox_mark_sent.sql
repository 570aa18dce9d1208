-- A digest's items count as sent with it.
UPDATE outbox SET sent_at = ?2, claimed_until = NULL,
                  attempts = CASE WHEN id = ?1 THEN attempts + 1 ELSE attempts END,
                  last_error = CASE WHEN id = ?1 THEN '' ELSE last_error END
WHERE id = ?1 OR (digest_id = ?1 AND sent_at IS NULL)
