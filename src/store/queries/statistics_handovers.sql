SELECT h.child_id, ch.birth_date, COALESCE(NULLIF(su.area, ''), hu.area, ''),
       h.requested_at, h.answered_at, h.state, h.kind, fu.kind, tu.kind
FROM handovers h
JOIN children ch ON ch.id = h.child_id
LEFT JOIN units su ON su.id = ch.school_unit_id
LEFT JOIN units hu ON hu.id = ch.health_unit_id
JOIN units fu ON fu.id = h.from_unit_id
JOIN units tu ON tu.id = h.to_unit_id
WHERE h.requested_at >= ?1 AND h.requested_at < ?2
ORDER BY h.id
