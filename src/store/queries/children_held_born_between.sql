-- Children a unit holds coordination for whose birth date falls in either of two ranges (stage
-- transitions coming up).
SELECT c.id, c.given_name, c.family_name, c.birth_date
FROM coordination_holders h JOIN children c ON c.id = h.child_id
WHERE h.unit_id = ?1 AND (c.birth_date BETWEEN ?2 AND ?3 OR c.birth_date BETWEEN ?4 AND ?5)
ORDER BY c.birth_date
LIMIT ?6
