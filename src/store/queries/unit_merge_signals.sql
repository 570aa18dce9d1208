-- A merge: signals waiting in unit ?1's inbox (nobody has taken a position) wait in unit ?2's.
UPDATE concerns SET holder_unit_id = ?2 WHERE holder_unit_id = ?1 AND status = 'received'
RETURNING id, child_id
