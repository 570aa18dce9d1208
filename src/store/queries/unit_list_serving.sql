SELECT id, organisation_id, name, kind, area FROM units WHERE area = ?1 OR area = '' ORDER BY organisation_id, name
