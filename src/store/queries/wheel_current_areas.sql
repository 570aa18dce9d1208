SELECT version, code, label_sv, label_en, child_label_sv, description_sv, shanarri, bbic
FROM wheel_areas
WHERE version = (SELECT max(version) FROM wheel_catalogue_versions)
ORDER BY position
