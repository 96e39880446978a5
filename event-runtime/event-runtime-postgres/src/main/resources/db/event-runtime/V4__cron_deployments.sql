-- When each cron function was first deployed (the first instance that started it recorded it):
-- a tick missed before that is never caught up at start-up, so a new function does not run at once.
-- Like V1-V3, only ever gains columns.
CREATE TABLE cron_deployments (
    function_id TEXT        PRIMARY KEY,
    deployed_at TIMESTAMPTZ NOT NULL
);
