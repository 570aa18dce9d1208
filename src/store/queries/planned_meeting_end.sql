UPDATE plan_planned_meetings SET state = ?3, ended_at = ?4
WHERE id = ?1 AND plan_id = ?2 AND state = 'planned'
