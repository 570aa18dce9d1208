SELECT a.sequence, a.at, a.role, COALESCE(un.name, '') AS unit_name, COALESCE(o.name, '') AS organisation_name, COALESCE(us.display_name, '') AS user_name,
       a.object_type, a.action, a.legal_basis
FROM audit_log a
LEFT JOIN units un ON un.id = a.unit_id
LEFT JOIN organisations o ON o.id = a.organisation_id
LEFT JOIN users us ON us.id = a.user_id
WHERE a.child_id = ?1 AND a.outcome = 'allowed' AND a.role NOT IN ('guardian', 'child', 'family', '')
  AND a.sequence < ?3
ORDER BY a.sequence DESC
LIMIT ?2
