-- The audit of operator actions taken through the operations API (replay, bulk replay, cancel,
-- redrive, event sent, cron triggered): who (the access token's subject and username), when
-- (PostgreSQL's clock), what (the action, its target and a small JSON detail). Rows are only ever
-- inserted; retention deletes them after its own, longer period.
CREATE TABLE operator_actions (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    actor_id   TEXT        NOT NULL,
    actor_name TEXT,
    action     TEXT        NOT NULL,
    target     TEXT,
    detail     JSONB       NOT NULL DEFAULT '{}'::jsonb
);

-- GET /internal/runtime/audit lists newest first (since a time); retention deletes by age.
CREATE INDEX operator_actions_at ON operator_actions (at DESC, id DESC);
