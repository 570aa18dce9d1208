INSERT INTO outbox (kind, recipient_user_id, recipient_unit_id, address, language, unit_name, on_date, link_path,
                    message_id, created_at, next_attempt_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)
RETURNING id
