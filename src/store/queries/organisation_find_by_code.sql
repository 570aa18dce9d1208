SELECT id, name, kind, COALESCE(code, '') AS code, active FROM organisations WHERE code = ?1
