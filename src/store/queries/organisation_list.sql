SELECT id, name, kind, COALESCE(code, ''), active FROM organisations ORDER BY name
