SELECT id, name, kind, COALESCE(code, ''), active FROM organisations WHERE id = ?1
