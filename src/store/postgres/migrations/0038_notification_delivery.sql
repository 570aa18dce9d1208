-- Notifications, second part (issue 25): calendar invitations, the daily digest, reminders that are
-- written once, and what each person chose to receive.
--
-- A meeting's message carries only its calendar slot: the planned meeting's id (the UID is made from
-- it), its SEQUENCE and its start in minutes after local midnight (the date is on_date).
ALTER TABLE outbox ADD COLUMN meeting_id BIGINT;
ALTER TABLE outbox ADD COLUMN meeting_sequence INTEGER;
ALTER TABLE outbox ADD COLUMN meeting_minute INTEGER;
-- digest = 1: waits for the daily digest instead of going out at once. The digest run gathers a
-- recipient's waiting messages into one digest message (kind 'digest') and points each at it with
-- digest_id (no foreign key: a copy between engines goes in id order); they count as sent when it is.
ALTER TABLE outbox ADD COLUMN digest SMALLINT NOT NULL DEFAULT 0 CHECK (digest IN (0, 1));
ALTER TABLE outbox ADD COLUMN digest_id BIGINT;
-- A reminder (an action due, …) is written once per recipient and stage, however often the daily
-- run looks.
ALTER TABLE outbox ADD COLUMN reminder_key TEXT;
CREATE UNIQUE INDEX outbox_reminder_once ON outbox (reminder_key) WHERE reminder_key IS NOT NULL;
CREATE INDEX outbox_digest_waiting ON outbox (address) WHERE digest = 1 AND digest_id IS NULL;
CREATE INDEX outbox_digest_items ON outbox (digest_id) WHERE digest_id IS NOT NULL;

-- A person's choice per kind of event (domain/notification.hpp); no row: the catalogue's default.
CREATE TABLE notification_preferences (
    user_id  BIGINT NOT NULL REFERENCES users (id),
    kind     TEXT NOT NULL,
    delivery TEXT NOT NULL CHECK (delivery IN ('at_once', 'daily_digest', 'off')),
    PRIMARY KEY (user_id, kind)
);

-- The day a once-a-day job last ran, so that several app servers (or a restart) run it once a day.
CREATE TABLE daily_jobs (
    job      TEXT PRIMARY KEY,
    last_day TEXT NOT NULL  -- YYYY-MM-DD, Swedish local date
);
