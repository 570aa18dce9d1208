SELECT id, plan_id, child_id, kind, text, written_by, guardian_id, author_name, written_at FROM family_entries WHERE plan_id = ?1 ORDER BY id
