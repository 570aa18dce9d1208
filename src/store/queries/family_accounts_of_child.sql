SELECT l.user_id, l.guardian_id, u.username, u.password_hash <> '' AS activated,
       (SELECT MAX(a.expires_at) FROM account_activations a WHERE a.user_id = u.id AND a.used_at IS NULL) AS open_invitation_expires_at
FROM family_links l JOIN users u ON u.id = l.user_id
WHERE l.child_id = ?1 ORDER BY l.guardian_id IS NULL, l.guardian_id
