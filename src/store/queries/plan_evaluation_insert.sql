INSERT INTO plan_action_evaluations (meeting_id, action_id, result, note) VALUES (?1, ?2, ?3, ?4)
