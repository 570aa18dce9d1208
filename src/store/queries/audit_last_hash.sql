SELECT hash FROM audit_log ORDER BY sequence DESC LIMIT 1
