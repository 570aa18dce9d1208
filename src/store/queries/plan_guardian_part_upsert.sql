INSERT INTO plan_guardian_parts (plan_id, guardian_id, kind, reason, recorded_on) VALUES (?1, ?2, ?3, ?4, ?5)
ON CONFLICT (plan_id, guardian_id) DO UPDATE
SET kind = excluded.kind, reason = excluded.reason, recorded_on = excluded.recorded_on
