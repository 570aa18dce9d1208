-- A second factor for local sign-in (issue 24): the shared secret of a person's authenticator app
-- (TOTP, RFC 6238), the newest time step a code was accepted for (so a code works once), their
-- one-time recovery codes (hashed), and the sign-ins that have passed the password and wait for
-- the code (a short-lived step of its own, never a session: nothing but the code pages accepts it).
CREATE TABLE second_factors (
    user_id      BIGINT PRIMARY KEY REFERENCES users (id),
    secret       TEXT NOT NULL,               -- base32; shown once at enrolment
    confirmed_at BIGINT,                      -- unix milliseconds; NULL while being set up
    last_step    BIGINT NOT NULL DEFAULT 0    -- newest 30-second step a code was accepted for
);

CREATE TABLE recovery_codes (
    user_id   BIGINT NOT NULL REFERENCES users (id),
    code_hash TEXT NOT NULL,
    used_at   BIGINT,                         -- unix milliseconds; a used code is kept, and refused
    PRIMARY KEY (user_id, code_hash)
);

CREATE TABLE login_steps (
    token_hash TEXT PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL
);

CREATE INDEX login_steps_by_user ON login_steps (user_id);
