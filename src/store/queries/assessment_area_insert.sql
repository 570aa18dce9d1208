INSERT INTO wheel_assessment_areas (assessment_id, area_code, status, description, child_words, guardian_view,
                                    professional_note, support_needed)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
