SELECT id FROM plans WHERE child_id = ?1 AND state <> 'closed'
