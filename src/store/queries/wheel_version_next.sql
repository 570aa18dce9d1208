SELECT coalesce(max(version), 0) + 1 AS version FROM wheel_catalogue_versions
