SELECT count(*) FROM audit_log WHERE sequence <= ?1
