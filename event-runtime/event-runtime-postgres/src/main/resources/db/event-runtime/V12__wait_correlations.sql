-- A waitForEvent match of the form `event.data.x == async.data.x` (alone or as a conjunct of &&)
-- demands that the awaited event's field equal a value the waiting run's trigger already has. The
-- engine stores that field's path and the trigger's value (canonical text) with the wait, so an
-- incoming event finds the waits it may resolve through this index rather than reading every wait
-- of its name; CEL still decides each match. Additive (see V3): an older version writes neither
-- column, and a wait with a NULL path is a candidate for every event of its name, as before.
ALTER TABLE waits
    ADD COLUMN correlation_path  TEXT,
    ADD COLUMN correlation_value TEXT;
CREATE INDEX waits_by_correlation ON waits (event_name, correlation_path, correlation_value);
