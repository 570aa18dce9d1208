SELECT unit_id FROM plan_planned_meeting_invitees WHERE planned_meeting_id = ?1 ORDER BY unit_id
