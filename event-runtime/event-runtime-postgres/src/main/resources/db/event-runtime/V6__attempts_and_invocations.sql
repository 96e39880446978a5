-- The attempt a run's lease belongs to: every claim takes the next number, and a checkpoint or a
-- renewal applies only under the attempt it was made for. Fencing by owner alone let an instance
-- whose lease had lapsed, and which then claimed the same run again, write from its stale attempt.
ALTER TABLE runs ADD COLUMN attempt INTEGER NOT NULL DEFAULT 0;

-- The runs an invoke step started, found by their parent: replay and cancel carry through invoke.
CREATE INDEX runs_by_parent ON runs (parent_run_id, parent_step_key) WHERE parent_run_id IS NOT NULL;

-- How long the run's attempts have executed, all together (sleeps, waits and queueing not
-- counted), against the function's run timeout. Each attempt adds its time when it ends.
ALTER TABLE runs ADD COLUMN executed_micros BIGINT NOT NULL DEFAULT 0;
