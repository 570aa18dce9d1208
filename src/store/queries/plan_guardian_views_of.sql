SELECT v.guardian_id, g.given_name || ' ' || g.family_name AS name, v.view
FROM plan_guardian_views v JOIN guardians g ON g.id = v.guardian_id
WHERE v.plan_id = ?1 ORDER BY v.guardian_id
