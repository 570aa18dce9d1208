-- What one digest message lists, oldest first.
SELECT id, kind, recipient_user_id, recipient_unit_id, address, language, unit_name, on_date, link_path, message_id,
       created_at, attempts, meeting_id, meeting_sequence, meeting_minute, last_error, sent_at, digest, digest_id
FROM outbox WHERE digest_id = ?1 ORDER BY id
