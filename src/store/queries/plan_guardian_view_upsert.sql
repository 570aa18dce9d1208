INSERT INTO plan_guardian_views (plan_id, guardian_id, view) VALUES (?1, ?2, ?3)
ON CONFLICT (plan_id, guardian_id) DO UPDATE SET view = excluded.view
