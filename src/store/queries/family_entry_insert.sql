INSERT INTO family_entries (plan_id, child_id, kind, text, written_by, guardian_id, author_name, written_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
RETURNING id
