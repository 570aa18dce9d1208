SELECT r.unit_id, u.organisation_id, r.role, u.kind
FROM user_roles r JOIN units u ON u.id = r.unit_id
WHERE r.user_id = ?1
ORDER BY r.unit_id, r.role
