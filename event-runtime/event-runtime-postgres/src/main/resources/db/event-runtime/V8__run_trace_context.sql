-- The trace context a run keeps (W3C traceparent strings): its `run` span, made when the run was
-- created under the message (or invoking step) that caused it, so that every attempt — on any
-- instance, after any restart — and every event its steps send continue that trace; and the span
-- of its latest attempt whose end was written, which the next attempt links to.
ALTER TABLE runs ADD COLUMN trace_parent TEXT;
ALTER TABLE runs ADD COLUMN last_attempt_span TEXT;
