INSERT INTO wheel_areas (version, code, position, label_sv, label_en, child_label_sv, description_sv, shanarri, bbic)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
