SELECT a.id, a.catalogue_version, a.assessed_on, a.sources, a.recorded_by, a.unit_id, a.recorded_at,
       r.area_code, r.status, r.description, r.child_words, r.guardian_view, r.professional_note, r.support_needed
FROM wheel_assessments a JOIN wheel_assessment_areas r ON r.assessment_id = a.id
WHERE a.child_id = ?1
ORDER BY a.assessed_on, a.id, r.area_code
