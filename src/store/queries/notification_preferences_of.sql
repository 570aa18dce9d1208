SELECT kind, delivery FROM notification_preferences WHERE user_id = ?1 ORDER BY kind
