INSERT INTO plan_follow_answers (handover_id, guardian_id, answer, via, recorded_by, recorded_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6)
