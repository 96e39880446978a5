-- Wakes every engine on this database at once when a run becomes claimable now, instead of leaving
-- it to their next poll. The trigger sends NOTIFY event_runtime_due (empty payload) from the very
-- write that makes the run due, so every path is covered by one rule — a new run, a wait resolved
-- by an event or an invoked run's end, a replay, a cancel that fails its invoker's step — and
-- PostgreSQL delivers it only when that transaction commits (never for a rolled-back one); the
-- notifications of one transaction collapse into one. Engines LISTEN on a connection of their own
-- (PostgresRunStore.onDue); notifications reach only sessions of this database, so services on one
-- server never wake each other.
--
-- A run of a function with a concurrency limit (concurrency_key is not null) that gives up its
-- lease frees a slot of its key: that wakes the engines too, for the runs queued behind it.
-- Runs due later (a sleep, a backoff, a wait's timeout) are not announced: the engine that wrote
-- the due time wakes itself for it, and the poll is the safety net for the rest (expired leases).
-- WHEN is checked in the executor without calling the function, so the other updates (claims,
-- renewals, checkpoints) pay nothing for it.
CREATE FUNCTION notify_due_run() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('event_runtime_due', '');
  RETURN NULL;
END
$$;

CREATE TRIGGER runs_due_inserted AFTER INSERT ON runs
  FOR EACH ROW
  WHEN (NEW.status IN ('queued', 'sleeping', 'waiting') AND NEW.due_at <= now())
  EXECUTE FUNCTION notify_due_run();

CREATE TRIGGER runs_due_updated AFTER UPDATE OF status, due_at ON runs
  FOR EACH ROW
  WHEN ((NEW.status IN ('queued', 'sleeping', 'waiting') AND NEW.due_at <= now()
          AND (OLD.status IS DISTINCT FROM NEW.status OR OLD.due_at IS DISTINCT FROM NEW.due_at))
        OR (OLD.status = 'running' AND NEW.status <> 'running'
            AND NEW.concurrency_key IS NOT NULL))
  EXECUTE FUNCTION notify_due_run();
