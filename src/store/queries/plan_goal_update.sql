UPDATE plan_goals SET area_code = ?3, outcome = ?4, how_we_know = ?5, by_when = ?6
WHERE id = ?2 AND plan_id = ?1 AND removed_at IS NULL
