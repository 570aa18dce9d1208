-- The family's access log lists only professionals' allowed openings; the family's own reads of it
-- are audited too and are newest, so through the index of all the child's rows a guardian who looks
-- often made every look step over their own earlier ones. This index holds only the rows the log
-- shows, so a page costs its own rows however the child's rows are mixed. The condition must stay
-- word for word the one in audit_access_log_of_child.sql, or neither engine uses the index.
CREATE INDEX audit_log_professional_access_by_child ON audit_log (child_id, sequence)
    WHERE outcome = 'allowed' AND role NOT IN ('guardian', 'child', 'family', '');
