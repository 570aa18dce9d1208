-- A merge: open plans that unit ?1 is collaboration-responsible for or keeps name unit ?2 instead.
-- Each plan's version goes up, so an edit begun before the merge cannot write the old unit back.
UPDATE plans
SET collaboration_unit_id = CASE WHEN collaboration_unit_id = ?1 THEN ?2 ELSE collaboration_unit_id END,
    kept_by_unit_id = CASE WHEN kept_by_unit_id = ?1 THEN ?2 ELSE kept_by_unit_id END,
    version = version + 1
WHERE state <> 'closed' AND (collaboration_unit_id = ?1 OR kept_by_unit_id = ?1)
RETURNING id, child_id
