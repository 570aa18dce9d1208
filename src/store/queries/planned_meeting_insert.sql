INSERT INTO plan_planned_meetings (plan_id, kind, meets_on, starts_at, place, family_invited, sequence, state)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'planned')
RETURNING id
