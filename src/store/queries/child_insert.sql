-- DO NOTHING rather than an error on a taken personal number: PostgreSQL aborts the whole
-- transaction on an error, and the caller may go on (demo data draws another number).
INSERT INTO children (personal_number, given_name, family_name, birth_date, protected_identity, joint_custody,
                      school_unit_id, health_unit_id)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
ON CONFLICT DO NOTHING
RETURNING id
