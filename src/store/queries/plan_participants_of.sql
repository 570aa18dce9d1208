SELECT unit_id, contact_name, contact_phone FROM plan_participants
WHERE plan_id = ?1 AND removed_at IS NULL
ORDER BY position
