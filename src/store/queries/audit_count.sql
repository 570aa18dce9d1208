SELECT count(*) FROM audit_log
