SELECT count(*) AS count FROM audit_log WHERE sequence <= ?1
