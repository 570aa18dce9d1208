SELECT p.guardian_id, g.given_name || ' ' || g.family_name AS name, p.kind, p.reason, p.recorded_on
FROM plan_guardian_parts p JOIN guardians g ON g.id = p.guardian_id
WHERE p.plan_id = ?1 ORDER BY p.guardian_id
