-- Due messages, oldest first, claimed until $2 by this sender: rows another app server's sender has
-- locked are skipped, so each message goes to exactly one sender. Messages waiting for the digest
-- go with it.
UPDATE outbox SET claimed_until = $2
WHERE id IN (SELECT id FROM outbox
             WHERE sent_at IS NULL AND digest = 0 AND attempts < $4 AND next_attempt_at <= $1
               AND (claimed_until IS NULL OR claimed_until <= $1)
             ORDER BY id LIMIT $3
             FOR UPDATE SKIP LOCKED)
RETURNING id, kind, recipient_user_id, recipient_unit_id, address, language, unit_name, on_date, link_path,
          message_id, created_at, attempts, meeting_id, meeting_sequence, meeting_minute
