-- Login sessions (only the hash of the token is stored) and failure counters for throttling.
CREATE TABLE sessions (
    token_hash   TEXT PRIMARY KEY,
    user_id      BIGINT NOT NULL REFERENCES users (id),
    created_at   BIGINT NOT NULL,  -- unix milliseconds
    last_seen_at BIGINT NOT NULL
);

CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE login_failures (
    throttle_key    TEXT PRIMARY KEY,  -- 'account:<username>' or 'address:<ip>'
    failures        INTEGER NOT NULL,
    last_failure_at BIGINT NOT NULL
);
