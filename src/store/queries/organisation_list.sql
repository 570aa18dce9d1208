SELECT id, name, kind FROM organisations ORDER BY name
