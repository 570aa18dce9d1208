INSERT INTO audit_log (at, user_id, role, unit_id, organisation_id, child_id, object_type, object_id, action,
                       legal_basis, outcome, request_id, previous_hash, hash,
                       changes)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
