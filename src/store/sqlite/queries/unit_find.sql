SELECT id, organisation_id, name, kind FROM units WHERE id = ?1
