SELECT id, organisation_id, name, kind, area FROM units WHERE kind = ?1 ORDER BY id
