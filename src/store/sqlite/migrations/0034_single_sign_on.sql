-- Single sign-on through an OpenID Connect provider (issue 24). A sign-in sent to the provider waits
-- here for its answer: the hash of its state (each is taken once: a replayed state finds nothing),
-- the nonce and PKCE verifier, and the hash of the browser's own cookie (an answer that arrives in
-- another browser is refused). A session remembers how it was proven, for signing out at the
-- provider too.
CREATE TABLE sso_requests (
    state_hash    TEXT PRIMARY KEY,
    provider      TEXT NOT NULL,
    nonce         TEXT NOT NULL,
    code_verifier TEXT NOT NULL,
    browser_hash  TEXT NOT NULL,
    created_at    INTEGER NOT NULL  -- unix milliseconds
) STRICT, WITHOUT ROWID;

ALTER TABLE sessions ADD COLUMN method TEXT NOT NULL DEFAULT 'password';
