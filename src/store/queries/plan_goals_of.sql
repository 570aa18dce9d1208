SELECT id, area_code, outcome, how_we_know, by_when FROM plan_goals WHERE plan_id = ?1 AND removed_at IS NULL ORDER BY id
