INSERT INTO plan_meetings (plan_id, kind, held_on, place, guardians_present, child_present, child_absent_reason,
                           notes, collaborate, next_meeting, recorded_by, recorded_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
RETURNING id
