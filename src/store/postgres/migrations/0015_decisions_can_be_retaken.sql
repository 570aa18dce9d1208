-- A signal whose decision-B handover is declined goes back to the holder's inbox for a new
-- decision, so a signal may have several decisions over time (the newest counts; all are kept).
ALTER TABLE concern_decisions DROP CONSTRAINT concern_decisions_concern_id_key;
CREATE INDEX concern_decisions_by_concern ON concern_decisions (concern_id, id);

-- The signal a handover request was decided on (decision B), if any.
ALTER TABLE handovers ADD COLUMN concern_id BIGINT REFERENCES concerns (id);
