INSERT INTO organisations (name, kind) VALUES (?1, ?2)
RETURNING id
