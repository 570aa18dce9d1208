INSERT INTO notification_preferences (user_id, kind, delivery) VALUES (?1, ?2, ?3)
ON CONFLICT (user_id, kind) DO UPDATE SET delivery = excluded.delivery
