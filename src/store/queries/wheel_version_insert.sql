INSERT INTO wheel_catalogue_versions (version, note) VALUES (?1, ?2)
