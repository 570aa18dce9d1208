-- A merge: staff roles in unit ?1 move to unit ?2 with their periods, unless the person already
-- holds the role there (those end with unit_merge_roles_left).
UPDATE user_roles SET unit_id = ?2
WHERE unit_id = ?1
  AND NOT EXISTS (SELECT 1 FROM user_roles held
                  WHERE held.user_id = user_roles.user_id AND held.unit_id = ?2 AND held.role = user_roles.role)
RETURNING user_id, role
