-- A role can be given for a period (issue 23): a substitute's last day, a new principal's first.
-- Outside it the role grants nothing (the session query compares with the Swedish date of the
-- request); both ends are days, inclusive, and either may be open.
ALTER TABLE user_roles ADD COLUMN valid_from TEXT;
ALTER TABLE user_roles ADD COLUMN valid_to TEXT;
