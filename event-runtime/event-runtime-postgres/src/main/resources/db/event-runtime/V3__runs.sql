-- Durable-function runs, their memoized steps, waits, stored events and cron ticks.
-- Rolling deploys: like V1/V2, these tables only ever gain columns (nullable or with defaults);
-- nothing is renamed, dropped or given a new meaning within a MAJOR of the runtime, so an old and a
-- new version of a service can share them. `format` says which row layout a row was written in.
-- Statuses are lowercase text without a CHECK, so a later version may add one without a migration
-- that an older version would trip over. JSON columns use `json` (not jsonb): it validates the text
-- and keeps it byte for byte, so a memo or an event reads back exactly as the engine wrote it.

CREATE TABLE runs (
    id               UUID        PRIMARY KEY,
    function_id      TEXT        NOT NULL,
    event_id         UUID        NOT NULL,
    event            JSON        NOT NULL, -- the trigger, encoded as on the wire
    status           TEXT        NOT NULL, -- queued|running|sleeping|waiting|completed|failed|cancelled
    due_at           TIMESTAMPTZ NOT NULL, -- next execution; for a waiting run its timeout
    lease_owner      TEXT,                 -- set only while running
    lease_expires_at TIMESTAMPTZ,
    concurrency_key  TEXT,                 -- null when the function had no concurrency limit
    parent_run_id    UUID,                 -- the invoking step, for a run started by invoke
    parent_step_key  TEXT,
    output           JSON,                 -- versioned memo {"v":1,"data":…}, once completed
    error            TEXT,
    format           SMALLINT    NOT NULL DEFAULT 1,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    started_at       TIMESTAMPTZ,
    ended_at         TIMESTAMPTZ,
    -- one run per (function, event id): a redelivered event starts nothing new
    CONSTRAINT runs_one_per_event UNIQUE (function_id, event_id)
);

-- The claim's two sources of due runs, each a small partial index: unleased runs by due time, and
-- running runs by lease expiry (their worker died).
CREATE INDEX runs_due ON runs (due_at) WHERE status IN ('queued', 'sleeping', 'waiting');
CREATE INDEX runs_lease_expiry ON runs (lease_expires_at) WHERE status = 'running';
-- Counting the live leases of one (function, concurrency key) against its limit.
CREATE INDEX runs_leased_by_key ON runs (function_id, concurrency_key) WHERE status = 'running';
-- Retention prunes finished runs by end time.
CREATE INDEX runs_ended ON runs (ended_at) WHERE ended_at IS NOT NULL;

-- Grows with every step write: the order steps were recorded in, which replay uses to drop "this
-- step and every later one".
CREATE SEQUENCE step_sequence;

CREATE TABLE steps (
    run_id            UUID        NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    step_key          TEXT        NOT NULL,
    status            TEXT        NOT NULL, -- completed|failed|retrying|sleeping|waiting
    attempts          INTEGER     NOT NULL,
    memo              JSON,                 -- versioned memo {"v":1,"data":…} or {"v":1,"error":…}
    wake_at           TIMESTAMPTZ,          -- end of a sleep or wait; due time of the next retry
    sequence          BIGINT      NOT NULL,
    format            SMALLINT    NOT NULL DEFAULT 1,
    first_recorded_at TIMESTAMPTZ NOT NULL,
    recorded_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (run_id, step_key)
);

-- waitForEvent registrations; a row lives while its step is waiting.
CREATE TABLE waits (
    run_id     UUID        NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    step_key   TEXT        NOT NULL,
    event_name TEXT        NOT NULL,
    match      TEXT        NOT NULL, -- CEL over event and async
    timeout_at TIMESTAMPTZ NOT NULL,
    seq        BIGINT GENERATED ALWAYS AS IDENTITY,
    format     SMALLINT    NOT NULL DEFAULT 1,
    PRIMARY KEY (run_id, step_key)
);
CREATE INDEX waits_by_event ON waits (event_name, seq);

-- Events some function waits for, kept so that a wait reached after its event still matches it.
CREATE TABLE stored_events (
    id        UUID        PRIMARY KEY,
    seq       BIGINT GENERATED ALWAYS AS IDENTITY,
    name      TEXT        NOT NULL,
    event     JSON        NOT NULL,
    format    SMALLINT    NOT NULL DEFAULT 1,
    stored_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX stored_events_by_name ON stored_events (name, stored_at, seq);

-- One row per cron tick of a function: the instance whose insert wins starts the tick's run.
CREATE TABLE cron_ticks (
    function_id TEXT        NOT NULL,
    tick        TIMESTAMPTZ NOT NULL,
    claimed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (function_id, tick)
);
