SELECT id, run_at, cutoff, through_sequence, anchor_hash, deleted_rows
FROM audit_retention_runs
ORDER BY through_sequence DESC
LIMIT 1
