-- Closed units take no new work: only open ones are chosen.
SELECT id, organisation_id, name, kind, area, external_id, phone, email, active_from, active_to FROM units WHERE kind = ?1 AND area = ?2 AND active_to IS NULL ORDER BY id
