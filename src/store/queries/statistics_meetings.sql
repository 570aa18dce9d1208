SELECT p.child_id, ch.birth_date, COALESCE(NULLIF(su.area, ''), hu.area, '') AS municipality,
       m.plan_id, m.held_on, m.kind, m.child_present, m.next_meeting
FROM plan_meetings m
JOIN plans p ON p.id = m.plan_id
JOIN children ch ON ch.id = p.child_id
LEFT JOIN units su ON su.id = ch.school_unit_id
LEFT JOIN units hu ON hu.id = ch.health_unit_id
WHERE m.held_on >= ?1 AND m.held_on <= ?2
ORDER BY m.plan_id, m.held_on, m.id
