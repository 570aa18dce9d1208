-- A message written in the event's transaction; a reminder whose key is already there is not
-- written again (no row returned).
INSERT INTO outbox (kind, recipient_user_id, recipient_unit_id, address, language, unit_name, on_date, link_path,
                    message_id, created_at, next_attempt_at, meeting_id, meeting_sequence, meeting_minute, digest,
                    reminder_key)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, ?11, ?12, ?13, ?14, ?15)
ON CONFLICT (reminder_key) WHERE reminder_key IS NOT NULL DO NOTHING
RETURNING id
