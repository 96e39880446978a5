-- The attempt limits' buckets (Bucket4j, PostgreSQL), shared by every instance of the service.
-- id names the endpoint, the kind of key and the SHA-256 of its value ("sign-in:client:9f86…");
-- state is Bucket4j's; window_ends_at (epoch milliseconds) is when the key's attempts have all come
-- back, after which the row is as good as none and is pruned. A row whose first write has not
-- happened yet has neither.
CREATE TABLE service_web.attempt_buckets (
  id text PRIMARY KEY,
  state bytea,
  window_ends_at bigint
);
CREATE INDEX attempt_buckets_window_ends_at ON service_web.attempt_buckets (window_ends_at);
