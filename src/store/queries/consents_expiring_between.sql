-- Consents given (not refused, not withdrawn) whose last day is between ?1 and ?2, with the child's
-- holder, who asks the family whether to renew them. A reminders' source; the link opens the child's
-- consents.
SELECT c.id AS item_id, c.child_id AS page_id, h.unit_id, c.valid_to AS due_on
FROM consents c JOIN coordination_holders h ON h.child_id = c.child_id
WHERE c.withdrawn_at IS NULL AND c.refused = 0 AND c.valid_to >= ?1 AND c.valid_to <= ?2
ORDER BY c.id
