SELECT id, organisation_id, name, kind, area, external_id, phone, email, active_from, active_to FROM units WHERE id = ?1
