-- The units and the signing parties of every consent about a child in one statement, ordered by
-- consent: part 0 is a unit (its id in ref), part 1 a party (guardian id, if any, in ref; name).
SELECT cu.consent_id, 0 AS part, cu.unit_id AS ordering, cu.unit_id AS ref, '' AS name
FROM consent_units cu JOIN consents c ON c.id = cu.consent_id
WHERE c.child_id = ?1
UNION ALL
SELECT cp.consent_id, 1, cp.position, cp.guardian_id, cp.name
FROM consent_parties cp JOIN consents c ON c.id = cp.consent_id
WHERE c.child_id = ?1
ORDER BY 1, 2, 3
