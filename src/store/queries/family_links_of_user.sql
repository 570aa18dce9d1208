SELECT l.child_id, l.guardian_id, c.given_name || ' ' || c.family_name AS child_name
FROM family_links l JOIN children c ON c.id = l.child_id
WHERE l.user_id = ?1 ORDER BY c.birth_date, l.child_id
