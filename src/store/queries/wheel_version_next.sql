SELECT coalesce(max(version), 0) + 1 FROM wheel_catalogue_versions
