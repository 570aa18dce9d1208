-- Open plans a unit works on: as collaboration-responsible unit, participant or coordination
-- holder. One indexed lookup per way (a single OR over all open plans scanned them all: 50 ms per
-- start page at national scale).
SELECT id FROM (
    SELECT p.id FROM plans p WHERE p.collaboration_unit_id = ?1 AND p.state <> 'closed'
    UNION
    SELECT p.id FROM plan_participants pp JOIN plans p ON p.id = pp.plan_id
    WHERE pp.unit_id = ?1 AND pp.removed_at IS NULL AND p.state <> 'closed'
    UNION
    SELECT p.id FROM coordination_holders h JOIN plans p ON p.child_id = h.child_id
    WHERE h.unit_id = ?1 AND p.state <> 'closed'
) AS unit_plans
ORDER BY id DESC
LIMIT ?2
