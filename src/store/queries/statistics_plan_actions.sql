SELECT a.plan_id, u.kind, a.status, a.start_on, a.due_on
FROM plan_actions a
JOIN plans p ON p.id = a.plan_id
LEFT JOIN units u ON u.id = a.unit_id
WHERE p.created_at >= ?1 AND p.created_at < ?2
ORDER BY a.plan_id, a.id
