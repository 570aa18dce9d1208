-- A merge: the children whose Barnens bästa-ansvar unit ?1 holds are held by unit ?2 from ?3 on.
UPDATE coordination_holders SET unit_id = ?2, since = ?3 WHERE unit_id = ?1 RETURNING child_id
