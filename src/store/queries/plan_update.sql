UPDATE plans
SET state = ?3, version = ?4, reason = ?5, child_view = ?6, guardian_views = ?7, disagreements = ?8,
    follow_up_how = ?9, next_meeting = ?10, collaboration_unit_id = ?11, close_reason = ?12,
    trusted_adult = ?13, kept_by_unit_id = ?14
WHERE id = ?1 AND version = ?2
