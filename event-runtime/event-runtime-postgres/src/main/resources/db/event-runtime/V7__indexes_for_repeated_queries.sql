-- Indexes for the queries the runtime runs again and again, so that none of them reads a whole
-- table as the table grows: the operations API's run listing and the retention pruner's deletes
-- (RepeatedQueryPlansTest proves each plan uses its index). Built in the migration's transaction:
-- on tables that retention keeps to days of rows this takes moments, during which writes wait.

-- GET /internal/runtime/runs: newest first, of one function or of all; both match ORDER BY
-- created_at DESC, id, so a listing stops after its limit. Status and time narrow the same scan.
CREATE INDEX runs_by_created ON runs (created_at DESC, id);
CREATE INDEX runs_by_function_created ON runs (function_id, created_at DESC, id);

-- Retention: each delete finds its old rows by the time that makes them prunable (runs by
-- runs_ended, V3). Partial where most rows are not prunable yet (unsent, never redriven).
CREATE INDEX outbox_published ON outbox (published_at) WHERE published_at IS NOT NULL;
CREATE INDEX inbox_processed ON inbox (processed_at);
CREATE INDEX dead_letters_redriven ON dead_letters (redriven_at) WHERE redriven_at IS NOT NULL;
CREATE INDEX stored_events_stored ON stored_events (stored_at);
CREATE INDEX cron_ticks_by_tick ON cron_ticks (tick);
