-- Log review (loggkontroll): what a reviewer of an organisation checked, found and did. Never edited
-- or deleted; recording one is audited. The index serves the workbench, which reads one
-- organisation's rows of a period.
CREATE TABLE log_reviews (
    id               INTEGER PRIMARY KEY,
    organisation_id  INTEGER NOT NULL REFERENCES organisations (id),
    reviewer_user_id INTEGER NOT NULL REFERENCES users (id),
    reviewed_at      INTEGER NOT NULL,  -- unix milliseconds
    scope            TEXT NOT NULL,
    checked          TEXT NOT NULL,
    finding          TEXT NOT NULL CHECK (finding IN ('no_remarks', 'remarks')),
    finding_text     TEXT NOT NULL,
    action_taken     TEXT NOT NULL
) STRICT;
CREATE INDEX log_reviews_by_organisation ON log_reviews (organisation_id, reviewed_at);

CREATE TRIGGER log_reviews_never_edited BEFORE UPDATE ON log_reviews
BEGIN
    SELECT RAISE(ABORT, 'log reviews are never edited');
END;
CREATE TRIGGER log_reviews_never_deleted BEFORE DELETE ON log_reviews
BEGIN
    SELECT RAISE(ABORT, 'log reviews are kept');
END;

CREATE INDEX audit_log_by_organisation ON audit_log (organisation_id, at) WHERE organisation_id IS NOT NULL;
