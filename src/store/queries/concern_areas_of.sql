SELECT area_code FROM concern_wheel_areas WHERE concern_id = ?1 ORDER BY area_code
