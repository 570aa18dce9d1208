SELECT id, organisation_id, name, kind, area FROM units ORDER BY organisation_id, name
