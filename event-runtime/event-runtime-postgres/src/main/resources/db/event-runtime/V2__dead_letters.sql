-- Dead letters drained from each subscription's dead-letter queue, so operators can list and
-- redrive them (AMQP cannot browse a queue). The body is kept as bytes: a poison message need not
-- be JSON, nor even UTF-8.
CREATE TABLE dead_letters (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    queue            TEXT        NOT NULL,
    message_id       TEXT,
    event_name       TEXT,
    reason           TEXT        NOT NULL,
    body             BYTEA       NOT NULL,
    headers          JSONB       NOT NULL DEFAULT '{}'::jsonb,
    format           SMALLINT    NOT NULL DEFAULT 1,
    dead_lettered_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    redriven_at      TIMESTAMPTZ
);

-- Draining is at least once: one live record per message and queue. A message redriven and dead
-- again gets a new record, since the old one is no longer live.
CREATE UNIQUE INDEX dead_letters_live_message
    ON dead_letters (queue, message_id) WHERE redriven_at IS NULL AND message_id IS NOT NULL;
CREATE INDEX dead_letters_live ON dead_letters (dead_lettered_at DESC) WHERE redriven_at IS NULL;
