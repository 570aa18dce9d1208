SELECT w.child_id, ch.birth_date, COALESCE(NULLIF(su.area, ''), hu.area, '') AS municipality,
       w.assessed_on, a.area_code, a.status, a.support_needed
FROM wheel_assessments w
JOIN wheel_assessment_areas a ON a.assessment_id = w.id
JOIN children ch ON ch.id = w.child_id
LEFT JOIN units su ON su.id = ch.school_unit_id
LEFT JOIN units hu ON hu.id = ch.health_unit_id
WHERE w.assessed_on >= ?1 AND w.assessed_on <= ?2
ORDER BY w.child_id, w.assessed_on, w.id, a.area_code
