INSERT INTO plan_planned_meeting_invitees (planned_meeting_id, unit_id) VALUES (?1, ?2)
