SELECT id, child_id, concern_id, state, version, reason, child_view, guardian_views, disagreements, follow_up_how,
       next_meeting, collaboration_unit_id, support_areas, close_reason, created_by, created_at, trusted_adult,
       kept_by_unit_id
FROM plans WHERE id = ?1
