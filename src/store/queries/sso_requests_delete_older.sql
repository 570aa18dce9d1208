DELETE FROM sso_requests WHERE created_at < ?1
