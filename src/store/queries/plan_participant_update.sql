UPDATE plan_participants SET contact_name = ?3, contact_phone = ?4
WHERE plan_id = ?1 AND unit_id = ?2 AND removed_at IS NULL
