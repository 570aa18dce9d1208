-- Units that left the plan, with the reason, in the order they left.
SELECT unit_id, contact_name, removed_reason FROM plan_participants
WHERE plan_id = ?1 AND removed_at IS NOT NULL
ORDER BY removed_at, position
