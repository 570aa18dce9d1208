SELECT e.meeting_id, e.action_id, e.result, e.note
FROM plan_action_evaluations e JOIN plan_meetings m ON m.id = e.meeting_id
WHERE m.plan_id = ?1 ORDER BY e.meeting_id, e.action_id
