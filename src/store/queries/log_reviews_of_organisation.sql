SELECT r.id, r.organisation_id, r.reviewer_user_id, r.reviewed_at, r.scope, r.checked, r.finding, r.finding_text,
       r.action_taken, COALESCE(u.display_name, '') AS reviewer_name
FROM log_reviews r
LEFT JOIN users u ON u.id = r.reviewer_user_id
WHERE r.organisation_id = ?1
ORDER BY r.reviewed_at DESC, r.id DESC
LIMIT ?2
