SELECT id, kind, held_on, place, guardians_present, child_present, child_absent_reason, notes, collaborate,
       next_meeting, recorded_by, recorded_at
FROM plan_meetings WHERE plan_id = ?1 ORDER BY id
