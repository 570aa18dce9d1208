INSERT INTO consent_parties (consent_id, position, guardian_id, name) VALUES (?1, ?2, ?3, ?4)
