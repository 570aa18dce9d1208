-- Open plans a unit works on: as coordination holder, collaboration-responsible unit or participant.
SELECT p.id FROM plans p
WHERE p.state <> 'closed'
  AND (p.collaboration_unit_id = ?1
       OR EXISTS (SELECT 1 FROM plan_participants pp WHERE pp.plan_id = p.id AND pp.unit_id = ?1)
       OR EXISTS (SELECT 1 FROM coordination_holders h WHERE h.child_id = p.child_id AND h.unit_id = ?1))
ORDER BY p.id DESC
LIMIT ?2
