-- The plan's actions with the latest report on each and the name of the person who made it.
SELECT a.id, a.what, a.unit_id, a.responsible, a.start_on, a.frequency, a.due_on, a.status,
       a.progress_note, a.proposed_due, COALESCE(u.display_name, '') AS reported_by, a.reported_at
FROM plan_actions a
LEFT JOIN users u ON u.id = a.reported_by
WHERE a.plan_id = ?1 AND a.removed_at IS NULL
ORDER BY a.id
