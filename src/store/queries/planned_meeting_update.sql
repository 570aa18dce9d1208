UPDATE plan_planned_meetings
SET kind = ?3, meets_on = ?4, starts_at = ?5, place = ?6, family_invited = ?7, sequence = ?8
WHERE id = ?1 AND plan_id = ?2 AND state = 'planned'
