SELECT id, what, unit_id, responsible, start_on, frequency, due_on, status
FROM plan_actions WHERE plan_id = ?1 ORDER BY id
