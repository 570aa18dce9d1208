INSERT INTO coordination_holders (child_id, unit_id, since) VALUES (?1, ?2, ?3)
ON CONFLICT (child_id) DO UPDATE SET unit_id = excluded.unit_id, since = excluded.since
