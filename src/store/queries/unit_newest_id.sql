SELECT max(id) AS id FROM units
