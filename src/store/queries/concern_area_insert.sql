INSERT INTO concern_wheel_areas (concern_id, area_code) VALUES (?1, ?2)
