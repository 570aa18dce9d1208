-- Raised by a trigger on every change to units (migration 0031): kept copies of an older
-- generation are stale.
SELECT generation FROM unit_generation WHERE only_row = 1
