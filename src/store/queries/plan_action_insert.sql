INSERT INTO plan_actions (plan_id, what, unit_id, responsible, start_on, frequency, due_on, status)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
