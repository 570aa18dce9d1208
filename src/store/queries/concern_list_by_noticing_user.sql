-- The noticer's own signals, newest first: the child as they typed it and the unit that received it.
SELECT c.id, c.child_id, c.registered_at, c.status, c.child_name_given, u.name
FROM concerns c JOIN units u ON u.id = c.holder_unit_id
WHERE c.noticing_user_id = ?1
ORDER BY c.registered_at DESC
LIMIT ?2
