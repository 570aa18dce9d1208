-- Every child a person is recorded as guardian of, for signing in with e-ID.
SELECT g.id AS guardian_id, g.child_id, g.access_restricted, c.birth_date
FROM guardians g JOIN children c ON c.id = g.child_id
WHERE g.personal_number = ?1 ORDER BY g.child_id
