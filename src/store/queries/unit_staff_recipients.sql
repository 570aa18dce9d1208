-- The staff who act for a unit on day ?2 (their roles decide which of them, in the app), with how
-- each chose to receive notifications of kind ?3 (NULL: the default).
SELECT u.id AS user_id, u.email, u.preferred_language, r.role, p.delivery
FROM user_roles r
JOIN users u ON u.id = r.user_id
LEFT JOIN notification_preferences p ON p.user_id = u.id AND p.kind = ?3
WHERE r.unit_id = ?1 AND u.disabled = 0
  AND (r.valid_from IS NULL OR r.valid_from <= ?2) AND (r.valid_to IS NULL OR r.valid_to >= ?2)
ORDER BY u.id
