-- The relay reserves a batch of outbox rows instead of holding their row locks while the broker
-- confirms them (PostgresOutboxStore): a short transaction stamps the batch with the reservation's
-- id and its expiry, the rows are published with no transaction open, and a second short
-- transaction marks them sent and clears the stamp. A reservation whose relay died expires, and the
-- rows are reserved and published again by another relay (at least once). Both columns are NULL on
-- rows nobody holds; neither is indexed, so stamping a row can be a HOT update.
ALTER TABLE outbox
    ADD COLUMN reserved_by    UUID,
    ADD COLUMN reserved_until TIMESTAMPTZ;
