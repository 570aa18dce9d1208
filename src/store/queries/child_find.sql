SELECT id, personal_number, given_name, family_name, protected_identity, joint_custody, school_unit_id, health_unit_id
FROM children WHERE id = ?1
