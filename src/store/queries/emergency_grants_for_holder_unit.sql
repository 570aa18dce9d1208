-- Grants on children the unit holds coordination responsibility for, since ?2 (newest first).
SELECT g.id, g.child_id, g.user_id, g.unit_id, g.reason, g.granted_at, g.expires_at
FROM emergency_grants g
JOIN coordination_holders h ON h.child_id = g.child_id
WHERE h.unit_id = ?1 AND g.granted_at >= ?2
ORDER BY g.granted_at DESC, g.id DESC
LIMIT ?3
