-- A guardian's personal identity number (issue 24): a guardian recorded with one signs in with
-- Swedish e-ID, found by the number the e-ID broker vouches for, without an invitation link.
-- Optional: the link stays for those without e-ID. One person is never both guardians of a child.
ALTER TABLE guardians ADD COLUMN personal_number TEXT;  -- normalised YYYYMMDDNNNN, NULL: not recorded
CREATE UNIQUE INDEX guardians_one_number_per_child ON guardians (child_id, personal_number)
    WHERE personal_number IS NOT NULL;
CREATE INDEX guardians_by_personal_number ON guardians (personal_number) WHERE personal_number IS NOT NULL;
