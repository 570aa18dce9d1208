SELECT sequence, at, user_id, role, unit_id, organisation_id, child_id, object_type, object_id, action, legal_basis,
       outcome, request_id, previous_hash, hash, changes
FROM audit_log ORDER BY sequence
