-- Consents given (not refused, not withdrawn) and in force on ?2 that name unit ?1: a merge does not
-- carry them to the unit that takes over (the guardians consented to the unit they named).
SELECT count(*) AS count
FROM consents c JOIN consent_units u ON u.consent_id = c.id
WHERE u.unit_id = ?1 AND c.withdrawn_at IS NULL AND c.refused = 0 AND c.valid_to >= ?2
