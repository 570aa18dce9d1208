-- A sign-in's second step can follow an identity provider as well as a password (a provider that did
-- not prove two factors for a role that needs them): the step remembers what proved the person first,
-- so the session's method says both ("oidc:region+totp").
ALTER TABLE login_steps ADD COLUMN first_method TEXT NOT NULL DEFAULT 'password';
