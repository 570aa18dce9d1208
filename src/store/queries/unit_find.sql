SELECT id, organisation_id, name, kind, area FROM units WHERE id = ?1
