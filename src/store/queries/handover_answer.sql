UPDATE handovers SET state = ?2, decline_reason = ?3, answered_by = ?4, answered_at = ?5
WHERE id = ?1 AND state = 'pending'
