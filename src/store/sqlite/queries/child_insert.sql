INSERT INTO children (personal_number, given_name, family_name, birth_date, protected_identity, joint_custody,
                      school_unit_id, health_unit_id)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
