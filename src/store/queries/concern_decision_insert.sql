INSERT INTO concern_decisions (concern_id, outcome, rationale, actions_taken, decided_by, decided_unit_id, decided_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
