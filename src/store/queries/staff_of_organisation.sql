-- Everyone with a role in one of the organisation's units, with each role they hold in any active
-- organisation: a row per role, ordered by person. One statement for the administrator's list
-- however many people work there (and no family account is read).
SELECT u.id, u.username, u.display_name, u.disabled, u.preferred_language, u.email, u.phone,
       r.unit_id, un.organisation_id, r.role, un.kind, r.valid_from, r.valid_to
FROM users u
JOIN user_roles r ON r.user_id = u.id
JOIN units un ON un.id = r.unit_id
JOIN organisations o ON o.id = un.organisation_id AND o.active = 1
WHERE u.id IN (SELECT mine.user_id FROM user_roles mine JOIN units mu ON mu.id = mine.unit_id
               WHERE mu.organisation_id = ?1)
ORDER BY u.id, r.unit_id, r.role
