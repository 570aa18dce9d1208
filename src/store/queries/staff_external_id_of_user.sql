-- The external id an organisation keys one person by (SCIM reads one user at a time).
SELECT external_id FROM staff_external_ids WHERE organisation_id = ?1 AND user_id = ?2
