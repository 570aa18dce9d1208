-- A consent asked for and refused is recorded too (what was asked, of whom, when): it lifts no
-- secrecy, can never be withdrawn or changed, and lets the steering group count requests and
-- refusals (domain.md §8).
ALTER TABLE consents ADD COLUMN refused INTEGER NOT NULL DEFAULT 0 CHECK (refused IN (0, 1));

DROP TRIGGER consents_only_withdrawal_changes;
CREATE TRIGGER consents_only_withdrawal_changes BEFORE UPDATE ON consents
WHEN NEW.purpose IS NOT OLD.purpose OR NEW.categories IS NOT OLD.categories OR NEW.valid_from IS NOT OLD.valid_from
  OR NEW.valid_to IS NOT OLD.valid_to OR NEW.child_id IS NOT OLD.child_id OR OLD.withdrawn_at IS NOT NULL
  OR NEW.refused IS NOT OLD.refused OR OLD.refused = 1
BEGIN
    SELECT RAISE(ABORT, 'a consent is never edited; only its withdrawal is recorded');
END;
