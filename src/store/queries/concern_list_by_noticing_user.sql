SELECT id, child_id, registered_at, status FROM concerns WHERE noticing_user_id = ?1 ORDER BY registered_at DESC LIMIT ?2
