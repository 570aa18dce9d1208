SELECT c.child_id, ch.birth_date, COALESCE(NULLIF(su.area, ''), hu.area, '') AS municipality,
       c.id, c.registered_at, nu.kind AS noticing_kind, d.outcome, d.decided_at, du.kind AS deciding_kind, c.report_date
FROM concerns c
JOIN children ch ON ch.id = c.child_id
LEFT JOIN units su ON su.id = ch.school_unit_id
LEFT JOIN units hu ON hu.id = ch.health_unit_id
JOIN units nu ON nu.id = c.noticing_unit_id
LEFT JOIN concern_decisions d ON d.concern_id = c.id
LEFT JOIN units du ON du.id = d.decided_unit_id
WHERE c.registered_at >= ?1 AND c.registered_at < ?2
ORDER BY c.id
