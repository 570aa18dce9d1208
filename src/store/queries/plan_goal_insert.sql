INSERT INTO plan_goals (plan_id, area_code, outcome, how_we_know, by_when) VALUES (?1, ?2, ?3, ?4, ?5)
