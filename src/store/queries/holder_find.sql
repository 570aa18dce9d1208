SELECT unit_id FROM coordination_holders WHERE child_id = ?1
