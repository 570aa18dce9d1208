-- The units and the signing parties of one consent, as consent_parts_of_child reads them.
SELECT consent_id, 0 AS part, unit_id AS ordering, unit_id AS ref, '' AS name
FROM consent_units WHERE consent_id = ?1
UNION ALL
SELECT consent_id, 1, position, guardian_id, name
FROM consent_parties WHERE consent_id = ?1
ORDER BY 1, 2, 3
