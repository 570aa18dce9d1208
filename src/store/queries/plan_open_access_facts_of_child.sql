-- The child's open plan (at most one: plans_one_open_per_child) as access decisions see it: its
-- collaboration-responsible unit, the unit that kept it, and one row per participating unit (a
-- unit that left the plan is no participant).
SELECT p.collaboration_unit_id, p.kept_by_unit_id, pp.unit_id
FROM plans p
LEFT JOIN plan_participants pp ON pp.plan_id = p.id AND pp.removed_at IS NULL
WHERE p.child_id = ?1 AND p.state <> 'closed'
ORDER BY pp.position
