SELECT max(id) FROM units
