SELECT k.child_id, ch.birth_date, COALESCE(NULLIF(su.area, ''), hu.area, '') AS municipality,
       k.recorded_at, k.valid_to, k.withdrawn_at, k.categories, k.refused
FROM consents k
JOIN children ch ON ch.id = k.child_id
LEFT JOIN units su ON su.id = ch.school_unit_id
LEFT JOIN units hu ON hu.id = ch.health_unit_id
WHERE k.recorded_at >= ?1 AND k.recorded_at < ?2
ORDER BY k.id
