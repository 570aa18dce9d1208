SELECT id, name, kind, COALESCE(code, '') AS code, active FROM organisations ORDER BY name
