SELECT guardian_id, name FROM consent_parties WHERE consent_id = ?1 ORDER BY position
