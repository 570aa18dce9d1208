DELETE FROM plan_guardian_parts WHERE plan_id = ?1 AND guardian_id = ?2
