SELECT handover_id, guardian_id, answer, via, recorded_by, recorded_at
FROM plan_follow_answers WHERE handover_id = ?1 ORDER BY id
