-- The transactional outbox (issue 25): a notification is written in the same transaction as the
-- event that causes it, so none is lost and none is sent for an event that rolled back. Only the
-- safe fields exist (the unit's name, a date, a link): nothing about the child can be put in a mail.
-- Senders on several app servers claim due rows with FOR UPDATE SKIP LOCKED (one sender each), send,
-- and mark them sent; a failure waits longer each time (next_attempt_at).
CREATE TABLE outbox (
    id                BIGSERIAL PRIMARY KEY,
    kind              TEXT NOT NULL,
    recipient_user_id BIGINT REFERENCES users (id),
    recipient_unit_id BIGINT REFERENCES units (id),
    address           TEXT NOT NULL,
    language          TEXT NOT NULL,
    unit_name         TEXT NOT NULL,
    on_date           TEXT,
    link_path         TEXT NOT NULL,
    message_id        TEXT NOT NULL UNIQUE,
    created_at        BIGINT NOT NULL,
    next_attempt_at   BIGINT NOT NULL,
    attempts          INTEGER NOT NULL DEFAULT 0,
    last_error        TEXT NOT NULL DEFAULT '',
    claimed_until     BIGINT,
    sent_at           BIGINT
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE sent_at IS NULL;
