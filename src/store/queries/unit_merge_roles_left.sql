-- A merge: the roles in unit ?1 that did not move (the person already held them in the new unit) end.
DELETE FROM user_roles WHERE unit_id = ?1 RETURNING user_id, role
