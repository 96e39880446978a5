-- event-runtime's own tables, in its own schema, migrated with its own Flyway history
-- (event_runtime.flyway_schema_history) beside the service's. Columns are only ever added, never
-- renamed or dropped within a MAJOR of the runtime, so an old and a new version of a service can
-- share them during a rolling deploy; `format` tells a reader which row layout it holds.

CREATE TABLE outbox (
    seq           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id      UUID        NOT NULL UNIQUE,
    event_name    TEXT        NOT NULL,
    aggregate_key TEXT        NOT NULL,
    body          TEXT        NOT NULL,
    headers       JSONB       NOT NULL DEFAULT '{}'::jsonb,
    format        SMALLINT    NOT NULL DEFAULT 1,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at  TIMESTAMPTZ
);

-- The relay reads only unsent rows: keep that set in small partial indexes.
CREATE INDEX outbox_unsent ON outbox (seq) WHERE published_at IS NULL;
CREATE INDEX outbox_unsent_by_aggregate ON outbox (aggregate_key, seq) WHERE published_at IS NULL;

CREATE TABLE inbox (
    subscription TEXT        NOT NULL,
    event_id     UUID        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (subscription, event_id)
);
