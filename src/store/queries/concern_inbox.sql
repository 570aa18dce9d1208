SELECT c.id, c.child_id, c.registered_at, ch.given_name, ch.family_name, ch.birth_date
FROM concerns c JOIN children ch ON ch.id = c.child_id
WHERE c.holder_unit_id = ?1 AND c.status = 'received'
ORDER BY c.registered_at, c.id
LIMIT ?2
