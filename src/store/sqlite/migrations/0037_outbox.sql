-- The transactional outbox (issue 25): a notification is written in the same transaction as the
-- event that causes it, so none is lost and none is sent for an event that rolled back. Only the
-- safe fields exist (the unit's name, a date, a link): nothing about the child can be put in a mail.
-- A sender claims due rows for a while (claimed_until), sends, and marks them sent; a failure waits
-- longer each time (next_attempt_at). Rows are kept after sending: the Message-ID lets a resend be
-- recognised, and administrators see failed deliveries.
CREATE TABLE outbox (
    id                INTEGER PRIMARY KEY,
    kind              TEXT NOT NULL,
    recipient_user_id INTEGER REFERENCES users (id),
    recipient_unit_id INTEGER REFERENCES units (id),
    address           TEXT NOT NULL,
    language          TEXT NOT NULL,
    unit_name         TEXT NOT NULL,
    on_date           TEXT,            -- YYYY-MM-DD
    link_path         TEXT NOT NULL,
    message_id        TEXT NOT NULL UNIQUE,
    created_at        INTEGER NOT NULL,  -- unix milliseconds
    next_attempt_at   INTEGER NOT NULL,
    attempts          INTEGER NOT NULL DEFAULT 0,
    last_error        TEXT NOT NULL DEFAULT '',
    claimed_until     INTEGER,
    sent_at           INTEGER
) STRICT;
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE sent_at IS NULL;
