-- The staff of an organisation with an authenticator app set up (the staff page offers a reset).
SELECT DISTINCT f.user_id
FROM second_factors f
JOIN user_roles r ON r.user_id = f.user_id
JOIN units u ON u.id = r.unit_id
WHERE u.organisation_id = ?1 AND f.confirmed_at IS NOT NULL
