DELETE FROM audit_log WHERE sequence <= ?1
