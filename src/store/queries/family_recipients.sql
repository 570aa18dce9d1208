-- The family accounts of a child (its guardians', and its own from the login age), with how each
-- chose to receive notifications of kind ?2 (NULL: the default). A guardian under a documented
-- restriction is told nothing.
SELECT u.id AS user_id, u.email, u.preferred_language, p.delivery
FROM family_links l
JOIN users u ON u.id = l.user_id
LEFT JOIN guardians g ON g.id = l.guardian_id
LEFT JOIN notification_preferences p ON p.user_id = u.id AND p.kind = ?2
WHERE l.child_id = ?1 AND u.disabled = 0 AND (l.guardian_id IS NULL OR g.access_restricted = 0)
ORDER BY u.id
