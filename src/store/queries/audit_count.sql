SELECT count(*) AS count FROM audit_log
