SELECT id, organisation_id, name, kind FROM units ORDER BY organisation_id, name
