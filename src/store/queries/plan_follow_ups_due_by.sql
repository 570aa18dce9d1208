-- Agreed or active plans whose next follow-up is on or before ?1, with the unit that answers for the
-- follow-up: the collaboration-responsible unit, else the child's holder. A reminders' source.
SELECT p.id AS item_id, p.id AS page_id, COALESCE(p.collaboration_unit_id, h.unit_id) AS unit_id,
       p.next_meeting AS due_on
FROM plans p LEFT JOIN coordination_holders h ON h.child_id = p.child_id
WHERE p.state IN ('agreed', 'active') AND p.next_meeting IS NOT NULL AND p.next_meeting <= ?1
  AND COALESCE(p.collaboration_unit_id, h.unit_id) IS NOT NULL
ORDER BY p.id
