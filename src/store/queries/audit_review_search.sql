-- One organisation's audit rows of a period for the log-review workbench, newest first. A zero id
-- or an empty action means "any". A sign-in method (?11) keeps the sign-in rows whose object is that
-- method, alone or followed by what the provider said (" acr=…") or why it was refused.
SELECT a.sequence, a.at, a.user_id, a.role, a.unit_id, a.organisation_id, a.child_id, a.object_type, a.object_id,
       a.action, a.legal_basis, a.outcome, a.request_id, a.changes, COALESCE(us.display_name, '') AS user_name, COALESCE(us.username, '') AS username,
       COALESCE(un.name, '') AS unit_name, COALESCE(c.given_name || ' ' || c.family_name, '') AS child_name, COALESCE(c.protected_identity, 0) AS child_protected
FROM audit_log a
LEFT JOIN users us ON us.id = a.user_id
LEFT JOIN units un ON un.id = a.unit_id
LEFT JOIN children c ON c.id = a.child_id
WHERE a.organisation_id = ?1 AND a.at >= ?2 AND a.at < ?3
  AND (CAST(?4 AS BIGINT) = 0 OR a.user_id = ?4)
  AND (CAST(?5 AS BIGINT) = 0 OR a.child_id = ?5)
  AND (CAST(?6 AS BIGINT) = 0 OR a.unit_id = ?6)
  AND (?7 = '' OR a.action = ?7)
  AND (CAST(?8 AS BIGINT) = 0 OR a.outcome = 'denied')
  AND (CAST(?10 AS BIGINT) = 0 OR a.sequence <= ?10)
  AND (?11 = '' OR (a.object_type = 'session'
                    AND (a.object_id = ?11 OR substr(a.object_id, 1, length(?11) + 1) = ?11 || ' ')))
ORDER BY a.sequence DESC
LIMIT ?9
