SELECT id, organisation_id, name, kind, area FROM units WHERE kind = ?1 AND area = ?2 ORDER BY id
