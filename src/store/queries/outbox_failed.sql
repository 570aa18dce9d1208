-- Deliveries that have failed at least once and are not sent, newest first: what an administrator
-- sees (address, error, attempts — a message has no text to show).
SELECT id, kind, recipient_user_id, recipient_unit_id, address, language, unit_name, on_date, link_path, message_id,
       created_at, attempts, meeting_id, meeting_sequence, meeting_minute, last_error, sent_at, digest, digest_id
FROM outbox WHERE sent_at IS NULL AND attempts > 0 ORDER BY id DESC LIMIT ?1
