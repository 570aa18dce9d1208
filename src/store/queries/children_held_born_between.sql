-- Children a unit holds coordination for whose birth date falls in any of three ranges (stage
-- transitions coming up: förskoleklass, upper-secondary school, the 18th birthday).
SELECT c.id, c.given_name, c.family_name, c.birth_date
FROM coordination_holders h JOIN children c ON c.id = h.child_id
WHERE h.unit_id = ?1
  AND (c.birth_date BETWEEN ?2 AND ?3 OR c.birth_date BETWEEN ?4 AND ?5 OR c.birth_date BETWEEN ?6 AND ?7)
ORDER BY c.birth_date
LIMIT ?8
