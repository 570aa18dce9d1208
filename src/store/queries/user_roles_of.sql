-- An account's roles; a role in a closed unit or a unit of a deactivated organisation grants
-- nothing and is left out.
SELECT r.unit_id, u.organisation_id, r.role, u.kind
FROM user_roles r
JOIN units u ON u.id = r.unit_id
JOIN organisations o ON o.id = u.organisation_id
WHERE r.user_id = ?1 AND o.active = 1 AND u.active_to IS NULL
ORDER BY r.unit_id, r.role
