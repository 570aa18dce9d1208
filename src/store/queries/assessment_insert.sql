INSERT INTO wheel_assessments (child_id, catalogue_version, assessed_on, sources, recorded_by, unit_id, recorded_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
RETURNING id
