-- A holder unit's unanswered signals, oldest first, with the child's registered name and the name
-- the noticer typed (a difference is shown: a wrong personal number is caught here).
SELECT c.id, c.child_id, c.registered_at, ch.given_name, ch.family_name, ch.birth_date, c.child_name_given
FROM concerns c JOIN children ch ON ch.id = c.child_id
WHERE c.holder_unit_id = ?1 AND c.status = 'received'
ORDER BY c.registered_at, c.id
LIMIT ?2
