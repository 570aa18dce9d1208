-- A consent asked for and refused is recorded too (what was asked, of whom, when): it lifts no
-- secrecy, can never be withdrawn or changed, and lets the steering group count requests and
-- refusals (domain.md §8).
ALTER TABLE consents ADD COLUMN refused SMALLINT NOT NULL DEFAULT 0 CHECK (refused IN (0, 1));

DROP TRIGGER consents_only_withdrawal_changes ON consents;
CREATE TRIGGER consents_only_withdrawal_changes BEFORE UPDATE ON consents FOR EACH ROW
WHEN (NEW.purpose IS DISTINCT FROM OLD.purpose OR NEW.categories IS DISTINCT FROM OLD.categories
      OR NEW.valid_from IS DISTINCT FROM OLD.valid_from OR NEW.valid_to IS DISTINCT FROM OLD.valid_to
      OR NEW.child_id IS DISTINCT FROM OLD.child_id OR OLD.withdrawn_at IS NOT NULL
      OR NEW.refused IS DISTINCT FROM OLD.refused OR OLD.refused = 1)
EXECUTE FUNCTION refuse_change('a consent is never edited; only its withdrawal is recorded');
