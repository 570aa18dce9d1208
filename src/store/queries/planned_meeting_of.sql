SELECT id, kind, meets_on, starts_at, place, family_invited, sequence
FROM plan_planned_meetings WHERE plan_id = ?1 AND state = 'planned'
