SELECT c.version, c.changed_by, coalesce(u.display_name, '') AS changed_by_name, c.changed_at, f.field, f.before, f.after
FROM plan_changes c
LEFT JOIN users u ON u.id = c.changed_by
LEFT JOIN plan_change_fields f ON f.change_id = c.id
WHERE c.plan_id = ?1 ORDER BY c.version DESC, f.position
