-- An account's roles, each with its period; a role in a closed unit or a unit of a deactivated
-- organisation grants nothing and is left out. (Whether today is in the period is the reader's
-- question: the session query answers it for every request.)
SELECT r.unit_id, u.organisation_id, r.role, u.kind, r.valid_from, r.valid_to
FROM user_roles r
JOIN units u ON u.id = r.unit_id
JOIN organisations o ON o.id = u.organisation_id
WHERE r.user_id = ?1 AND o.active = 1 AND u.active_to IS NULL
ORDER BY r.unit_id, r.role
