UPDATE outbox SET digest_id = ?2 WHERE id = ?1 AND digest = 1 AND digest_id IS NULL
