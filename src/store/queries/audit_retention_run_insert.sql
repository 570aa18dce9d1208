INSERT INTO audit_retention_runs (run_at, cutoff, through_sequence, anchor_hash, deleted_rows)
VALUES (?1, ?2, ?3, ?4, ?5)
RETURNING id
