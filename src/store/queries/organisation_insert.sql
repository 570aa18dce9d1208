INSERT INTO organisations (name, kind, code, active) VALUES (?1, ?2, NULLIF(?3, ''), ?4)
RETURNING id
