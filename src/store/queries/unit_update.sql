UPDATE units SET name = ?2, area = ?3, external_id = ?4, phone = ?5, email = ?6, active_from = ?7, active_to = ?8
WHERE id = ?1
