UPDATE plan_meetings SET held_on = ?3, place = ?4, notes = ?5 WHERE id = ?2 AND plan_id = ?1
