SELECT unit_id FROM consent_units WHERE consent_id = ?1 ORDER BY unit_id
