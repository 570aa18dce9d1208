-- A request's session, its account and the account's roles in one statement: a row per role, or
-- one row without a role (a family account, or staff without roles). No account: u.id is NULL.
-- A role in a closed unit or a unit of a deactivated organisation, or outside its period on the
-- request's day (?2, YYYY-MM-DD), grants nothing: its role is NULL here.
SELECT s.user_id, s.created_at, s.last_seen_at, s.method, u.id, u.username, u.display_name, u.disabled,
       u.preferred_language, r.unit_id, un.organisation_id,
       CASE WHEN o.active = 1 AND un.active_to IS NULL AND (r.valid_from IS NULL OR r.valid_from <= ?2)
                 AND (r.valid_to IS NULL OR r.valid_to >= ?2) THEN r.role END AS role,
       un.kind, r.valid_from, r.valid_to
FROM sessions s
LEFT JOIN users u ON u.id = s.user_id
LEFT JOIN user_roles r ON r.user_id = u.id
LEFT JOIN units un ON un.id = r.unit_id
LEFT JOIN organisations o ON o.id = un.organisation_id
WHERE s.token_hash = ?1
ORDER BY r.unit_id, r.role
