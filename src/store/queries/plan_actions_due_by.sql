-- Actions of open plans that a unit carries out, not finished, due on or before ?1: the daily
-- reminders' source (only ids, the unit and the date leave this query).
SELECT a.id AS item_id, a.plan_id AS page_id, a.unit_id, a.due_on
FROM plan_actions a JOIN plans p ON p.id = a.plan_id
WHERE a.due_on <= ?1 AND a.unit_id IS NOT NULL AND a.removed_at IS NULL
  AND a.status IN ('planned', 'ongoing') AND p.state <> 'closed'
ORDER BY a.id
