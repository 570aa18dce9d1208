-- Grants ending after ?2: those still running at ?2, or with ?2 = 0 every grant (the family's
-- access log). Newest first.
SELECT id, child_id, user_id, unit_id, reason, granted_at, expires_at
FROM emergency_grants
WHERE child_id = ?1 AND expires_at > ?2
ORDER BY granted_at DESC, id DESC
