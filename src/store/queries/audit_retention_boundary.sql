-- The last row written before the first row at or after the cutoff ?1. The newest row is always
-- kept, so new rows chain on to it: retention cuts the chain at one point, at its old end.
SELECT sequence, at, user_id, role, unit_id, organisation_id, child_id, object_type, object_id, action, legal_basis,
       outcome, request_id, previous_hash, hash, changes
FROM audit_log
WHERE sequence < COALESCE((SELECT min(sequence) FROM audit_log WHERE at >= ?1),
                          (SELECT max(sequence) FROM audit_log))
ORDER BY sequence DESC
LIMIT 1
