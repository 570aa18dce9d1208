-- The audit log: append-only, hash-chained in sequence order. Every appender holds the store's
-- writer lock (an advisory lock, see postgres/connection.cpp) while it reads the last hash and
-- inserts, so sequence order is chain order even with several app servers: the chain cannot fork.
-- Partitioned by year of `at` so retention can drop a whole year cheaply (DROP of a partition,
-- never DELETE); the triggers make UPDATE, DELETE and TRUNCATE fail even for code that tries.
CREATE TABLE audit_log (
    sequence        BIGINT GENERATED ALWAYS AS IDENTITY,
    at              BIGINT NOT NULL,  -- unix milliseconds
    user_id         BIGINT,
    role            TEXT NOT NULL,
    unit_id         BIGINT,
    organisation_id BIGINT,
    child_id        BIGINT,
    object_type     TEXT NOT NULL,
    object_id       TEXT NOT NULL,
    action          TEXT NOT NULL,
    legal_basis     TEXT NOT NULL,
    outcome         TEXT NOT NULL CHECK (outcome IN ('allowed', 'denied')),
    request_id      TEXT NOT NULL,
    previous_hash   TEXT NOT NULL,
    hash            TEXT NOT NULL,
    PRIMARY KEY (sequence, at)
) PARTITION BY RANGE (at);

DO $$
DECLARE
    year INTEGER;
BEGIN
    FOR year IN 2015..2045 LOOP
        EXECUTE format('CREATE TABLE audit_log_%s PARTITION OF audit_log FOR VALUES FROM (%s) TO (%s)', year,
                       (extract(epoch FROM make_timestamptz(year, 1, 1, 0, 0, 0, 'UTC')) * 1000)::BIGINT,
                       (extract(epoch FROM make_timestamptz(year + 1, 1, 1, 0, 0, 0, 'UTC')) * 1000)::BIGINT);
    END LOOP;
END
$$;
-- Anything outside the yearly partitions (a clock far off) still lands somewhere.
CREATE TABLE audit_log_other PARTITION OF audit_log DEFAULT;

CREATE INDEX audit_log_by_sequence ON audit_log (sequence);
CREATE INDEX audit_log_by_child ON audit_log (child_id, at) WHERE child_id IS NOT NULL;
CREATE INDEX audit_log_by_user ON audit_log (user_id, at);

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END
$$;

CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
