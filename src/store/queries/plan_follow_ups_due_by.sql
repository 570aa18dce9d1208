-- Agreed or active plans whose next follow-up is on or before ?1, with the unit that answers for the
-- follow-up: the collaboration-responsible unit, else the child's holder. A reminders' source. Not
-- while a meeting is planned for the plan on or after ?2 (today): its invitation already told them;
-- once its day has passed without the meeting being held, the follow-up is overdue and reminded.
SELECT p.id AS item_id, p.id AS page_id, COALESCE(p.collaboration_unit_id, h.unit_id) AS unit_id,
       p.next_meeting AS due_on
FROM plans p LEFT JOIN coordination_holders h ON h.child_id = p.child_id
WHERE p.state IN ('agreed', 'active') AND p.next_meeting IS NOT NULL AND p.next_meeting <= ?1
  AND COALESCE(p.collaboration_unit_id, h.unit_id) IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM plan_planned_meetings m
                  WHERE m.plan_id = p.id AND m.state = 'planned' AND m.meets_on >= ?2)
ORDER BY p.id
