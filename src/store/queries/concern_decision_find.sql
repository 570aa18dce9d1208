SELECT outcome, rationale, actions_taken, decided_by, decided_unit_id, decided_at FROM concern_decisions
WHERE concern_id = ?1 ORDER BY id DESC LIMIT 1
