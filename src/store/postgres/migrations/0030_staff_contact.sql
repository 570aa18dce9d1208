-- How to reach a member of staff: given by the organisation's administrator with the account
-- (issue 23); notifications will use the address (issue 25). Empty for family accounts.
ALTER TABLE users ADD COLUMN email TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN phone TEXT NOT NULL DEFAULT '';
