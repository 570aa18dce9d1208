-- An administrative row's changes: each field's value before and after, length-prefixed as in the
-- row's canonical form (domain/audit_event.hpp). Empty for every other row, and for every row
-- written before, whose hashes stay as they were.
ALTER TABLE audit_log ADD COLUMN changes TEXT NOT NULL DEFAULT '';
