SELECT a.concern_id, a.area_code
FROM concern_wheel_areas a JOIN concerns c ON c.id = a.concern_id
WHERE c.registered_at >= ?1 AND c.registered_at < ?2
ORDER BY a.concern_id, a.area_code
