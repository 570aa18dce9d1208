SELECT id, organisation_id, name, kind, area, external_id, phone, email, active_from, active_to FROM units ORDER BY organisation_id, name
