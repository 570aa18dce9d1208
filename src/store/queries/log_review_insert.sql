INSERT INTO log_reviews (organisation_id, reviewer_user_id, reviewed_at, scope, checked, finding, finding_text,
                         action_taken)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
RETURNING id
